'use client'

/** Rows taken off on purpose by a merge: their text lives on above, so no "Undo" is offered for them. */
const expected = new Set<string>()

export const expectRemoval = (rowId: string): void => {
  expected.add(rowId)
}

/** True once for a row a merge removed. */
export const consumeExpectedRemoval = (rowId: string): boolean => expected.delete(rowId)
