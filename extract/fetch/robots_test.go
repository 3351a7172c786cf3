package fetch

import (
	"strings"
	"testing"
	"time"
)

func TestRobots(t *testing.T) {
	type check struct {
		path  string
		allow bool
	}
	for _, tc := range []struct {
		name   string
		robots string
		delay  time.Duration
		checks []check
	}{
		{
			name:   "empty allows all",
			checks: []check{{"/", true}, {"/a/b?c=d", true}},
		},
		{
			name:   "star group",
			robots: "User-agent: *\nDisallow: /intern/\n",
			checks: []check{{"/intern/a", false}, {"/intern", true}, {"/openbaar", true}},
		},
		{
			name:   "own group replaces star group",
			robots: "User-agent: *\nDisallow: /\n\nUser-agent: Begroot\nDisallow: /concept\n",
			checks: []check{{"/", true}, {"/concept/a", false}, {"/begroting", true}},
		},
		{
			name:   "other agents ignored",
			robots: "User-agent: googlebot\nDisallow: /\n",
			checks: []check{{"/a", true}},
		},
		{
			name:   "several agents share a group, groups merge",
			robots: "User-agent: googlebot\nUser-agent: begroot/2.0\nDisallow: /a\n\nUser-agent: other\nDisallow: /b\n\nuser-agent: BEGROOT\ndisallow: /c\n",
			checks: []check{{"/a", false}, {"/b", true}, {"/c", false}},
		},
		{
			name:   "longest match wins, allow wins a tie",
			robots: "User-agent: *\nDisallow: /intern/\nAllow: /intern/openbaar\nAllow: /x\nDisallow: /x\n",
			checks: []check{{"/intern/geheim", false}, {"/intern/openbaar/a", true}, {"/x", true}},
		},
		{
			name:   "wildcards and anchors",
			robots: "User-agent: *\nDisallow: /*.xlsx$\nDisallow: /*?print=\nDisallow: /doc/*/concept\nAllow: /$\nDisallow: /\n",
			checks: []check{
				{"/", true}, {"/a.xlsx", false}, {"/a.xlsx?x=1", false}, {"/a.xlsx.html", false},
				{"/p?print=1", false}, {"/doc/2024/concept/a", false},
			},
		},
		{
			name:   "anchored wildcard",
			robots: "User-agent: *\nAllow: /\nDisallow: /*.pdf$\n",
			checks: []check{{"/a.pdf", false}, {"/a.pdf?x", true}, {"/a.pdfx", true}},
		},
		{
			name:   "empty disallow allows",
			robots: "User-agent: *\nDisallow:\n",
			checks: []check{{"/a", true}},
		},
		{
			name:   "comments, BOM, CRLF, unknown lines, rules before any group",
			robots: "\uFEFFDisallow: /voor\r\n# comment\r\nUser-agent: * # all\r\nFoo: bar\r\nDisallow: /intern # not for robots\r\nSitemap: /s.xml\r\n",
			checks: []check{{"/voor", true}, {"/intern/a", false}, {"/intern", false}},
		},
		{
			name:   "percent-encoding compares equal",
			robots: "User-agent: *\nDisallow: /financiën\nDisallow: /a%2fb\n",
			checks: []check{{"/financi%C3%ABn/x", false}, {"/financi%c3%abn", false}, {"/a%2Fb", false}},
		},
		{
			name:   "robots.txt itself",
			robots: "User-agent: *\nDisallow: /\n",
			checks: []check{{"/robots.txt", true}, {"/a", false}},
		},
		{
			name:   "crawl-delay of the matching group",
			robots: "User-agent: *\nCrawl-delay: 10\n\nUser-agent: begroot\nCrawl-delay: 2.5\nDisallow: /x\n",
			delay:  2500 * time.Millisecond,
			checks: []check{{"/x", false}},
		},
		{
			name:   "crawl-delay bounded, nonsense ignored",
			robots: "User-agent: *\nCrawl-delay: 86400\n\nUser-agent: begroot\nCrawl-delay: soon\n",
		},
		{
			name:   "huge crawl-delay bounded",
			robots: "User-agent: begroot\nCrawl-delay: 1e300\n",
			delay:  maxCrawlDelay,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rb := parseRobots(strings.NewReader(tc.robots), "begroot")
			if rb.delay != tc.delay {
				t.Errorf("delay: got %s, want %s", rb.delay, tc.delay)
			}
			for _, c := range tc.checks {
				if got := rb.allowed(c.path); got != c.allow {
					t.Errorf("allowed(%s): got %v, want %v", c.path, got, c.allow)
				}
			}
		})
	}
}

func TestProductToken(t *testing.T) {
	for in, want := range map[string]string{
		"begroot/1.0 (+https://github.com/begroot/begroot)": "begroot",
		"Begroot": "begroot",
		" mybot ": "mybot",
		"*":       "*",
	} {
		if got := productToken(in); got != want {
			t.Errorf("productToken(%q): got %q, want %q", in, got, want)
		}
	}
}

func FuzzRobots(f *testing.F) {
	f.Add("User-agent: *\nDisallow: /intern/\nAllow: /intern/openbaar\nCrawl-delay: 2\n", "/intern/a")
	f.Add("User-agent: begroot\nDisallow: /*.pdf$\n", "/a.pdf")
	f.Add("User-agent: *\nDisallow: /a*b*c*$\n", "/aXbYcZ")
	f.Fuzz(func(t *testing.T, robots, path string) {
		rb := parseRobots(strings.NewReader(robots), "begroot")
		rb.allowed(path)
		if rb.delay < 0 || rb.delay > maxCrawlDelay {
			t.Errorf("delay %s out of range", rb.delay)
		}
	})
}
