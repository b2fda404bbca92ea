import { notFound } from 'next/navigation'

/** `?page=`: 1 when absent; 404 for anything but a plain positive integer (no junk URLs in the cache). */
export function parsePage(raw: string | string[] | undefined): number {
  if (raw === undefined) return 1
  if (typeof raw !== 'string' || !/^[1-9]\d{0,5}$/.test(raw)) notFound()
  return Number(raw)
}
