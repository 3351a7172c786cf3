package fetch

import (
	"bufio"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
)

// robotsMaxBytes is how much of a robots.txt is read; RFC 9309 asks
// crawlers to parse at least 500 KiB.
const robotsMaxBytes = 512 << 10

// maxCrawlDelay bounds a Crawl-delay, so that a typo such as 86400 does not
// stall a nightly run for days.
const maxCrawlDelay = time.Minute

// robots holds the rules of one robots.txt that apply to begroot.
type robots struct {
	rules    []robotsRule
	delay    time.Duration // Crawl-delay of the matching groups, 0 when absent
	sitemaps []string      // the Sitemap lines, as written; they belong to no group
}

type robotsRule struct {
	pattern string // percent-encoded path pattern with * and a final $
	allow   bool
}

// disallowAll is what a host whose robots.txt cannot be read gets
// (RFC 9309 section 2.3.1.4: an unreachable robots.txt means full disallow).
var disallowAll = &robots{rules: []robotsRule{{pattern: "/"}}}

// parseRobots reads a robots.txt for the crawler whose product token is
// agent ("begroot"). The rules of every group naming the agent apply,
// merged; when no group names it, those of the "*" groups do. Lines outside
// a group and lines it does not know are ignored, as RFC 9309 asks.
func parseRobots(r io.Reader, agent string) *robots {
	type group struct {
		agents []string
		robots
	}
	var (
		groups     []*group
		sitemaps   []string
		cur        *group
		inAgents   bool // the previous record was a user-agent line
		sc         = bufio.NewScanner(io.LimitReader(r, robotsMaxBytes))
		firstLine  = true
		agentToken = strings.ToLower(agent)
	)
	sc.Buffer(make([]byte, 0, 4096), robotsMaxBytes)
	for sc.Scan() {
		line := sc.Text()
		if firstLine {
			line = strings.TrimPrefix(line, "\uFEFF")
			firstLine = false
		}
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key, value = strings.ToLower(strings.TrimSpace(key)), strings.TrimSpace(value)
		switch key {
		case "user-agent":
			if cur == nil || !inAgents {
				cur = &group{}
				groups = append(groups, cur)
			}
			cur.agents = append(cur.agents, productToken(value))
			inAgents = true
			continue
		case "allow", "disallow":
			if cur != nil && value != "" {
				cur.rules = append(cur.rules, robotsRule{pattern: escapePattern(value), allow: key == "allow"})
			}
		case "crawl-delay":
			secs, err := strconv.ParseFloat(value, 64)
			if cur != nil && err == nil && secs > 0 && !math.IsInf(secs, 0) {
				cur.delay = max(cur.delay, time.Duration(min(secs, maxCrawlDelay.Seconds())*float64(time.Second)))
			}
		case "sitemap":
			if value != "" && len(sitemaps) < maxSitemaps {
				sitemaps = append(sitemaps, value)
			}
			continue // neither opens nor closes a group
		default:
			continue // unknown records neither open nor close a group
		}
		inAgents = false
	}
	pick := func(token string) *robots {
		var rb *robots
		for _, g := range groups {
			for _, a := range g.agents {
				if a == token {
					if rb == nil {
						rb = &robots{}
					}
					rb.rules = append(rb.rules, g.rules...)
					rb.delay = max(rb.delay, g.delay)
					break
				}
			}
		}
		return rb
	}
	rb := pick(agentToken)
	if rb == nil {
		rb = pick("*")
	}
	if rb == nil {
		rb = &robots{}
	}
	rb.sitemaps = sitemaps
	return rb
}

// productToken is the lowercased name part of a User-Agent value:
// "begroot" for "begroot/1.2 (+https://…)".
func productToken(ua string) string {
	ua = strings.TrimSpace(ua)
	if i := strings.IndexAny(ua, "/ \t"); i >= 0 {
		ua = ua[:i]
	}
	return strings.ToLower(ua)
}

// allowed reports whether the robots rules let the crawler request target,
// a percent-encoded path with its query. The longest matching pattern
// decides; on a tie Allow wins. /robots.txt itself is always allowed.
func (rb *robots) allowed(target string) bool {
	if target == "/robots.txt" {
		return true
	}
	target = escapePattern(target)
	best, allow := -1, true
	for _, r := range rb.rules {
		n := len(r.pattern)
		if n < best || n == best && !r.allow || !matchPattern(r.pattern, target) {
			continue
		}
		best, allow = n, r.allow
	}
	return allow
}

// matchPattern matches a robots.txt path pattern against s from its start:
// * stands for any run of characters and a final $ anchors the end;
// otherwise the pattern is a prefix.
func matchPattern(pattern, s string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	pattern = strings.TrimSuffix(pattern, "$")
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(s, parts[0]) {
		return false
	}
	s = s[len(parts[0]):]
	if len(parts) == 1 {
		return !anchored || s == ""
	}
	for _, part := range parts[1 : len(parts)-1] {
		i := strings.Index(s, part)
		if i < 0 {
			return false
		}
		s = s[i+len(part):]
	}
	last := parts[len(parts)-1]
	if anchored {
		return strings.HasSuffix(s, last)
	}
	return strings.Contains(s, last)
}

// escapePattern brings a pattern or path into one percent-encoded form:
// bytes outside printable ASCII are escaped and escapes are uppercased, so
// "/ä", "/%c3%a4" and "/%C3%A4" compare equal.
func escapePattern(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b.WriteByte('%')
			b.WriteString(strings.ToUpper(s[i+1 : i+3]))
			i += 2
		case c <= ' ' || c >= 0x7f:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
