// Package fetch crawls the websites on which Dutch municipalities publish
// their planning and control reports, politely and incrementally, and
// returns the pages and PDF files it found as extract.Source values whose
// bodies wait in an on-disk cache.
//
// It is the first stage of the pipeline
//
//	fetch → read (htmldoc, pdfdoc) → recognize → normalize → output
//
// and the only package of begroot that imports net/http. The readers take
// the Sources it returns and never see a URL or a response.
//
// # What is crawled
//
// A crawl starts at the start page of a report, such as
//
//	https://lingewaard.begrotingsapp.nl/begroting-2024
//	https://lingewaard.jaarverslag-2017.nl/p12345/inleiding
//
// and follows the links (a, area, iframe, frame, embed, object, meta
// refresh) that stay on the start URL's host and under its path taken as a
// folder (/begroting-2024/…). A start path beginning with a page number
// (/p12345/…) stands for the whole host, as those platforms give each report
// a host of its own. PDF files linked from the report are downloaded from
// anywhere on the same host. Next to the links of the pages, the host's
// sitemaps are read (once per host): those that robots.txt names with
// Sitemap lines, else /sitemap.xml, and the files a sitemap index names,
// plain or gzipped, on the same host and within maxSitemaps files,
// maxSitemapBytes each and maxSitemapURLs URLs. Their URLs are followed by
// the same rules as links, so a page no menu links to is found, and a
// crawl from a platform host's root (https://x.begrotingsapp.nl/) finds
// every report it lists.
//
// Every document records its document root (Result.Root): the path up to
// its first segment that names a report, by a year or a document word
// (/begroting-2026, /voorjaarsnota-2025, /bestuursrapportage-2025-1);
// a document whose path names none (/files/bijlage-1.pdf) takes the root
// of the page that linked it, and else the start URL's folder. A crawl of
// a whole host is told apart into reports by it. An HTML page that has
// scripts and next to no text, an app shell that JavaScript fills, is a
// document flagged Result.Shell, since its content is not in the HTML. Every page is fetched once: fragments are
// dropped, relative links resolved, a page and its trailing-slash redirect
// are one page, and query strings are dropped except the parameters that
// identify a page (Crawler.QueryParams); a search URL (?q=…) loses its whole
// query. Links to other hosts, mailto:, tel: and javascript: links, URLs
// with credentials, redirects to other hosts and responses that are neither
// HTML nor PDF (judged by Content-Type and by sniffing the first bytes, with
// the rules of extract.Formats: a PDF begins with its %PDF- header, as
// pdfdoc demands) are not followed and are reported through OnSkipped. Only
// HTML pages and PDF files are documents: a link to robots.txt is never
// requested as a page, and a folder index that a web server generated
// (Python's http.server, Apache, nginx, Go's http.FileServer) has its links
// followed but is reported through OnSkipped instead of becoming a document,
// so that a report served by a plain static file server can be crawled from
// its root.
//
// # Politeness
//
//   - robots.txt is obeyed for the product token of the User-Agent
//     ("begroot"), following RFC 9309: the groups naming begroot, else the
//     "*" groups; the longest matching Allow or Disallow wins, Allow on a
//     tie; patterns may use the wildcard "*" and the end anchor "$". A
//     missing robots.txt (4xx) allows everything, one that cannot be
//     fetched (5xx, network errors) disallows everything. Redirects of a
//     robots.txt are followed, to other hosts too, up to five; behind more
//     it counts as missing.
//   - One request at a time per host, with a pause of Delay (1s) between
//     requests, or the robots.txt Crawl-delay when that is larger. Different
//     hosts are crawled at the same time (Concurrency start URLs at once).
//   - A 429, a 5xx and a timeout are retried with exponential backoff
//     (Backoff, doubling, at most MaxBackoff), waiting at least as long as a
//     Retry-After asks; a Retry-After beyond MaxBackoff gives up at once.
//   - Timeout bounds the wait for response headers and every pause in a
//     body; MaxRequestTime the whole of one request, so a server sending a
//     byte a second is cut off (and not retried); MaxURLTime one URL with
//     its retries and their waits, so three Retry-After: 120 answers do not
//     cost six minutes; MaxHostTime what one host may take in a crawl (its
//     requests and the retry waits it causes). A host past its time fails
//     with ErrHostTime and its crawl stops, reported in Site.Truncated.
//   - MaxBytes bounds a response and MaxHTMLBytes an HTML page, both
//     counted after decompression, so a gzip body that inflates to
//     gigabytes is cut off at the limit. At most maxPageLinks links are
//     read from a page and maxSiteLinks distinct URLs kept for a start URL.
//   - MaxPages bounds the pages requested for a start URL (documents,
//     directory listings and pages that failed). A crawl stopped by
//     MaxPages, the link limit or MaxHostTime says so in Site.Truncated and
//     through OnTruncated, with the number of URLs it left.
//
// # Cache and incremental runs
//
// The cache directory (Crawler.Cache, by default begroot in the user's
// cache directory) holds
//
//	lock                   "pid host" of the running crawl, created exclusively
//	docs/<key>.html|.pdf   a response body, streamed to disk, never held in memory
//	docs/<key>.txt         a robots.txt
//	docs/<key>.json        its record: url, etag, last_modified, sha256, size, fetch time
//	runs/<key>.json        the documents and digests of the last crawl of a start URL
//
// where <key> is derived from the page's URL. Every file is written to a
// temporary file and renamed (package atomicfile), so an interrupted run
// never leaves half a file. The next crawl sends If-None-Match and
// If-Modified-Since; on 304 Not Modified the cached body is checked against
// its digest and reused, and the Result is marked Unchanged. Site.Changes
// lists what is new, changed, unchanged and removed since the last crawl of
// the same start URL. A second crawl with the same cache while the first
// runs fails with ErrLocked; a lock left by a process of this host that no
// longer runs is stale and taken over.
//
// The cache does not grow without end. Each crawl, under the lock, removes
// the temporary files a killed crawl left, bodies no record names, and the
// entries and run records that no crawl confirmed (a 200 or 304) for
// MaxCacheAge (60 days).
//
// Failed pages do not stop a crawl: they are returned in Site.Errors and
// reported through OnError. A dead link (404 or 410 for any page but the
// start page) is no failure: it is listed in Site.Changes.Dead and
// reported through OnDead. The callbacks default to no-ops and are never
// called concurrently.
package fetch
