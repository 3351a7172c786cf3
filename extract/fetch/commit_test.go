package fetch

import "testing"

// TestDeferredCommit checks that a deferred crawl leaves the previous run
// record in place until Commit: a crash before Commit compares the next
// crawl with the last complete one, so new documents stay new.
func TestDeferredCommit(t *testing.T) {
	s := newFixtureSite(t, "begrotingsapp")
	c := s.crawler(t)
	c.Deferred = true
	for _, step := range []struct {
		name   string
		commit bool
		new    int
	}{
		{"first crawl, not committed", false, len(siteDocs)},
		{"after a crash before Commit", true, len(siteDocs)},
		{"after Commit", false, 0},
	} {
		site, _ := s.crawl(t, c, "/begroting-2024")
		if got := len(site.Changes.New); got != step.new {
			t.Errorf("%s: %d new documents, want %d", step.name, got, step.new)
		}
		if step.commit {
			if err := c.Commit([]Site{site}); err != nil {
				t.Fatal(err)
			}
		}
	}
}
