/** The home-screen icon (180 x 180), drawn at build time from the same mark as icon.svg. */
import { ImageResponse } from 'next/og'

export const size = { width: 180, height: 180 }
export const contentType = 'image/png'

export default function AppleIcon() {
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#0f3b4c', color: '#ffffff', fontSize: 120, fontWeight: 700 }}>
        T
      </div>
    ),
    size,
  )
}
