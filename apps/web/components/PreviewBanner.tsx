/** Visible on every draft-mode page, so an editor never mistakes a draft for what readers see. */
export function PreviewBanner({ slug }: { slug: string }) {
  return (
    <div className="preview-banner" role="status">
      <strong>Preview</strong>: you are seeing the latest draft, which readers may not see yet.{' '}
      <a href={`/api/exit-preview?slug=${slug}`}>Exit preview</a>
    </div>
  )
}
