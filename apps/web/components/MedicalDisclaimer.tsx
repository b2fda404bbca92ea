/** Shown on every article, before the content: readers act on health pages, so the limits come first. */
export function MedicalDisclaimer() {
  return (
    <aside className="disclaimer" aria-label="Medical disclaimer">
      <p>
        <strong>This article is for information only and is not medical advice.</strong> It does not replace a
        consultation with a doctor or other qualified health professional. Do not start, stop or change any treatment
        on the basis of what you read here. In an emergency, or if you are thinking about suicide, call your local
        emergency number; in the United States you can call or text 988.
      </p>
    </aside>
  )
}
