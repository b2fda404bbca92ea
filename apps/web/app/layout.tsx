import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'
import { SITE_DESCRIPTION, SITE_NAME } from '../lib/site'
import './globals.css'

// Static on purpose: the layout also wraps the prerendered 404 page, so it must need no env and no CMS.
export const metadata: Metadata = {
  title: { default: SITE_NAME, template: `%s · ${SITE_NAME}` },
  description: SITE_DESCRIPTION,
  applicationName: SITE_NAME,
  // app/icon.svg and app/apple-icon.tsx are linked by Next's file conventions.
}

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fbfaf7' },
    { media: '(prefers-color-scheme: dark)', color: '#16171a' },
  ],
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        {/* Relative, so it is right on any host without knowing WEB_URL at build time. */}
        <link rel="alternate" type="application/rss+xml" title={SITE_NAME} href="/feed.xml" />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <a className="site-name" href="/">
            {SITE_NAME}
          </a>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>
            {SITE_NAME} publishes referenced information about psychedelics and mental health. Nothing on this site is
            medical advice.
          </p>
          <p>
            <a href="/feed.xml">RSS feed</a> · <a href="/sitemap.xml">Sitemap</a>
          </p>
        </footer>
      </body>
    </html>
  )
}
