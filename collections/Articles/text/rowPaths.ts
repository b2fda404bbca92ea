/** The array field that holds the article's text, and where a row's rich text sits in the form. */
export const TEXT_PATH = 'text'

const ROW_BODY = new RegExp(`^${TEXT_PATH}\\.(\\d+)\\.body$`)

/** The row index of a body editor on the writing surface, or null for any other rich-text field. */
export function rowOfBody(path: string | undefined): number | null {
  const match = path ? ROW_BODY.exec(path) : null
  return match ? Number(match[1]) : null
}

export const rowField = (index: number, field: 'section' | 'basedOn' | 'heading' | 'body') => `${TEXT_PATH}.${index}.${field}`
