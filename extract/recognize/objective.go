package recognize

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/vocab"
)

// Objective is a doelstelling or an activity, as printed.
type Objective struct {
	Code    string
	Title   string
	Text    string
	Kind    string   // "doelstelling" or "activiteit"
	Status  string   // activity status ("Gerealiseerd", "Niet volgens plan")
	Year    string   // Jaar realisatie
	Budgets []string // amounts of the prestaties under a doelstelling, as printed
	Section []string
	Pos     extract.Pos
}

// Kinds of objective.
const (
	KindGoal     = "doelstelling"
	KindActivity = "activiteit"
)

var (
	// activityLine is a numbered activity: "6.1.1 Stimuleren …".
	activityLine = regexp.MustCompile(`^(\d{1,2}(?:\.\d{1,2}){2,3})\.?\s+(\S.*)$`)
	// sectionCode is a numbered section heading: "6.1 Structuurversterking".
	sectionCode = regexp.MustCompile(`^(\d{1,2}(?:\.\d{1,2})?)\.?\s+\S`)
	titleColon  = regexp.MustCompile(`^([^:]{3,80}):\s+\S`)
	loneBullet  = regexp.MustCompile(`^[-–•·*]$`)
	amountLine  = regexp.MustCompile(`^€\s?\d{1,3}(\.\d{3})+(,\d+)?\b|^€\s?\d+\b`)
)

// objectives walks the blocks once, keeping the goal context of the
// current section.
func objectives(c *context, res *Result) {
	out := res.Objectives
	activities := map[string]int{} // code → index in out
	var mode int                   // what the current section may still yield
	const (
		none     = iota
		goal     // under a Doelstelling heading: first paragraph or lists
		goalList // a list was taken: more lists, no paragraphs
		goalItem // a lone bullet paragraph: the next paragraph is a goal
		achieve  // under Wat willen we bereiken: "Title: description" lists
		done     // an explicit goal was taken; nothing more in this section
	)
	code := ""
	// statementAt is the block that may state the goal of a section under a
	// question heading ("Wat willen we bereiken?"); a label heading
	// ("Beoogd effect") introduces the purpose of a proposal as often.
	statementAt := -1
	blocks := c.doc.Blocks
	for i := 0; i < len(blocks); i++ {
		b := blocks[i]
		text := collapse(b.Text)
		if (b.Kind == extract.Heading || b.Kind == extract.Paragraph) && tocLine(text) {
			continue // an entry of a table of contents names a section, it opens none
		}
		if b.Kind == extract.Paragraph {
			if head, rest, ok := questionHead(text); ok {
				// A question heading printed as a paragraph, or at the start of
				// its paragraph.
				switch {
				case !vocab.IsObjectiveHeading(vocab.AchieveHeading, head):
					if mode == achieve {
						mode = none // "Wat doen we daarvoor?" ends the section
					}
				case mode == none:
					mode, statementAt = achieve, i
				}
				if rest == "" {
					statementAt = i + 1
					continue
				}
				text = rest
			}
		}
		if b.Kind == extract.Heading || b.Kind == extract.Paragraph {
			if m := activityLine.FindStringSubmatch(text); m != nil {
				if year, status, ok := activityDetails(blocks, i); ok {
					out = addActivity(out, activities, Objective{Code: m[1], Title: m[2], Kind: KindActivity,
						Year: year, Status: status, Section: c.sections[i], Pos: b.Pos})
					continue
				}
			}
		}
		switch b.Kind {
		case extract.Heading:
			switch {
			case vocab.IsObjectiveHeading(vocab.GoalHeading, text) && !startsLower(text):
				// A heading in lower case is the rest of a label wrapped onto a
				// bold line of its own ("Bijdrage aan" / "beleidsdoelstelling").
				switch {
				case mode == done:
				case strings.HasSuffix(strings.TrimSuffix(text, ":"), "en"):
					mode = goalList // "Beleidsdoelstellingen" announces a collection: lists, not its intro
				default:
					mode = goal
				}
			case vocab.IsObjectiveHeading(vocab.AchieveHeading, text):
				if _, rest, ok := questionHead(text); ok && strings.HasSuffix(rest, "?") {
					// Two question headings on one line (the headings of two text
					// columns read as one): the text under it mixes goals and
					// activities.
					mode = none
				} else if mode == none {
					mode, statementAt = achieve, -1
					if strings.HasSuffix(text, "?") {
						statementAt = i + 1
					}
				}
			case vocab.IsObjectiveHeading(vocab.NeutralHeading, text):
			default:
				mode = none
				if m := sectionCode.FindStringSubmatch(text); m != nil {
					code = m[1]
				} else {
					code = ""
				}
			}
		case extract.Paragraph:
			if (mode == goal || mode == goalList) && loneBullet.MatchString(text) {
				// A bullet printed as its own paragraph: the next paragraph is an item.
				mode = goalItem
				continue
			}
			if mode == goalItem {
				out = append(out, newGoal(text, code, c.sections[i], b.Pos))
				mode = goalList
				continue
			}
			if g, ok := vocab.CutGoalPrefix(text); ok {
				out = append(out, newGoal(g, code, c.sections[i], b.Pos))
				mode = done
				continue
			}
			if items := enumeration(text); len(items) > 0 && (mode == goal || mode == goalList) {
				// A numbered list printed as running text: "1. X; 2. Y; 3. Z".
				for _, it := range items {
					o := newGoal(it.text, it.number, c.sections[i], b.Pos)
					o.Title = strings.TrimRight(strings.TrimSpace(o.Title), ";,")
					out = append(out, o)
				}
				mode = goalList
				continue
			}
			if mode == achieve {
				if title, ok := quotedTitle(text); ok {
					// Goals titled in quotes, each followed by what it means.
					out = append(out, newGoal(title, code, c.sections[i], b.Pos))
					continue
				}
				if i == statementAt && endsStatement(blocks, i+1) && utf8.RuneCountInString(text) > 20 && !vocab.IsGoalIntro(text) {
					// The whole section is one paragraph: the goal it states.
					out = append(out, newGoal(text, code, c.sections[i], b.Pos))
					mode = done
					continue
				}
			}
			if mode == goal && utf8.RuneCountInString(text) > 20 && !vocab.IsGoalIntro(text) {
				out = append(out, newGoal(text, code, c.sections[i], b.Pos))
				mode = done
			}
		case extract.List:
			switch {
			case isTabLegend(b.Items):
				if next := nextList(blocks, i); next > 0 {
					// The views may come as one list or as consecutive lists.
					views := [][]extract.Item{blocks[next].Items}
					last := next
					for last+1 < len(blocks) && blocks[last+1].Kind == extract.List && !isTabLegend(blocks[last+1].Items) {
						last++
						views = append(views, blocks[last].Items)
					}
					out = append(out, tabGoals(views, code, c.sections[next])...)
					i = last
				}
			case mode == goal || mode == goalList || mode == goalItem:
				for _, it := range b.Items {
					if t := collapse(it.Text); utf8.RuneCountInString(t) > 20 {
						out = append(out, newGoal(t, code, c.sections[i], it.Pos))
					}
				}
				mode = goalList
			case mode == achieve && allTitled(b.Items):
				for _, it := range b.Items {
					m := titleColon.FindStringSubmatch(it.Text)
					o := newGoal(strings.TrimSpace(m[1]), code, c.sections[i], it.Pos)
					o.Text = it.Text
					out = append(out, o)
				}
				mode = done
			}
		case extract.TableBlock:
			if b.Table != nil {
				out = activityTable(out, activities, b.Table, c.sections[i])
			}
		}
	}
	res.Objectives = out
}

// newGoal builds a doelstelling whose title is the first sentence of text.
func newGoal(text, code string, section []string, pos extract.Pos) Objective {
	first, _, _ := strings.Cut(text, "\n")
	return Objective{Code: code, Title: firstSentence(first), Text: text, Kind: KindGoal, Section: section, Pos: pos}
}

// activityDetails looks after an activity line for its year ("Jaar
// realisatie" then "2022", or "2022" directly) and, in a detail view, its
// status. ok is false when no year follows within two blocks: then the line
// is just a numbered heading. The search ends at the next activity or
// numbered section.
func activityDetails(blocks []extract.Block, i int) (year, status string, ok bool) {
	for k := i + 1; k < len(blocks) && k <= i+15; k++ {
		b := blocks[k]
		t := collapse(b.Text)
		switch {
		case b.Kind == extract.List:
			return year, status, ok
		case b.Kind == extract.TableBlock:
			if !ok {
				return "", "", false
			}
			if b.Table != nil {
				status = firstStatus(b.Table, status)
			}
		case activityLine.MatchString(t), sectionCode.MatchString(t), vocab.IsObjectiveHeading(vocab.GoalHeading, t):
			return year, status, ok
		case !ok && vocab.IsYear(t):
			year, ok = t, true
		case !ok && (k > i+2 || !strings.EqualFold(t, "Jaar realisatie")):
			return "", "", false
		case vocab.IsObjectiveStatus(t):
			status = strings.TrimSuffix(t, ".")
		}
	}
	return year, status, ok
}

// firstStatus returns the last status word in a small status table.
func firstStatus(t *extract.Table, status string) string {
	for _, r := range t.Rows {
		for _, cell := range r {
			if s := collapse(cell.Text); vocab.IsObjectiveStatus(s) {
				status = strings.TrimSuffix(s, ".")
			}
		}
	}
	return status
}

// addActivity adds o, or completes the activity with the same code (an
// overview row and its detail section describe one activity).
func addActivity(out []Objective, seen map[string]int, o Objective) []Objective {
	if k, ok := seen[o.Code]; ok {
		if out[k].Year == "" {
			out[k].Year = o.Year
		}
		if o.Status != "" {
			out[k].Status = o.Status
		}
		return out
	}
	seen[o.Code] = len(out)
	return append(out, o)
}

// activityTable reads an activity overview: rows "6.1.1 Title" | year |
// status …. A row without a year or a status is no activity: a table of
// contents prints "6.1.1 Title" | page.
func activityTable(out []Objective, seen map[string]int, t *extract.Table, section []string) []Objective {
	for _, r := range t.Rows {
		if len(r) == 0 {
			continue
		}
		m := activityLine.FindStringSubmatch(collapse(r[0].Text))
		if m == nil || tocLine(m[2]) {
			continue
		}
		o := Objective{Code: m[1], Title: m[2], Kind: KindActivity, Section: section, Pos: r[0].Pos}
		for _, cell := range r[1:] {
			s := collapse(cell.Text)
			switch {
			case vocab.IsYear(s) && o.Year == "":
				o.Year = s
			case vocab.IsObjectiveStatus(s):
				o.Status = strings.TrimSuffix(s, ".")
			}
		}
		if o.Year != "" || o.Status != "" {
			out = addActivity(out, seen, o)
		}
	}
	return out
}

// allTitled: every item reads "Short title: description".
func allTitled(items []extract.Item) bool {
	if len(items) < 2 {
		return false
	}
	for _, it := range items {
		m := titleColon.FindStringSubmatch(it.Text)
		if m == nil || len(strings.Fields(m[1])) > 10 || strings.ContainsAny(m[1], ".;") {
			return false
		}
	}
	return true
}

// isTabLegend: a list of exactly the tab names "Doelstelling", "Prestatie".
func isTabLegend(items []extract.Item) bool {
	if len(items) != 2 {
		return false
	}
	a, b := strings.ToLower(collapse(items[0].Text)), strings.ToLower(collapse(items[1].Text))
	return strings.HasPrefix(a, "doelstelling") && strings.HasPrefix(b, "prestatie")
}

// nextList returns the index of the first list after block i, skipping a
// few short paragraphs ("Toon prestaties bij doelstellingen").
func nextList(blocks []extract.Block, i int) int {
	for k := i + 1; k < len(blocks) && k <= i+3; k++ {
		if blocks[k].Kind == extract.List {
			return k
		}
		if blocks[k].Kind == extract.TableBlock {
			break
		}
	}
	return -1
}

// tabGoals reads a doelstelling/prestatie tab view. Platforms export it as
// the combined view (goals each followed by their prestaties), the goals
// alone and the prestaties alone, in any order, as one list or as
// consecutive lists (views). The goals are the items of the goals-only
// view; each owns the prestaties that follow it in the combined view, and
// their amounts are its budget. Without the repeated views, a prestatie is
// an item that starts with a bullet or ends with an amount.
func tabGoals(views [][]extract.Item, code string, section []string) []Objective {
	items, isGoal := separateViews(views)
	if isGoal == nil {
		all := slices.Concat(views...)
		texts := make([]string, len(all))
		for k, it := range all {
			texts[k] = collapse(it.Text)
		}
		var combined int
		combined, isGoal = splitViews(texts)
		items = all[:combined]
	}
	var out []Objective
	for k := range items {
		if !isGoal[collapse(items[k].Text)] {
			if len(out) > 0 {
				last := &out[len(out)-1]
				last.Budgets = append(last.Budgets, itemAmounts(items[k].Text)...)
			}
			continue
		}
		out = append(out, newGoal(items[k].Text, code, section, items[k].Pos))
	}
	return out
}

// separateViews finds, among views given as separate lists, the combined
// view (the longest) and the goals-only view: another view whose items all
// stand in the combined view, one of them its first item (the combined
// view opens with a goal; a prestaties-only view does not hold it). It
// returns the combined view's items and the goal texts, or nil goals when
// the lists are not such views.
func separateViews(views [][]extract.Item) (combined []extract.Item, isGoal map[string]bool) {
	if len(views) < 2 {
		return nil, nil
	}
	for _, v := range views {
		if len(v) > len(combined) {
			combined = v
		}
	}
	in := map[string]bool{}
	for _, it := range combined {
		in[collapse(it.Text)] = true
	}
	first := collapse(combined[0].Text)
	for _, v := range views {
		if len(v) == len(combined) {
			continue
		}
		goals := map[string]bool{}
		for _, it := range v {
			t := collapse(it.Text)
			if !in[t] {
				goals = nil
				break
			}
			goals[t] = true
		}
		if goals[first] {
			return combined, goals
		}
	}
	return nil, nil
}

// splitViews finds where the combined view ends and which texts are goals.
func splitViews(texts []string) (combined int, isGoal map[string]bool) {
	isGoal = map[string]bool{}
	pos := map[string]int{}
	for k, t := range texts {
		if _, ok := pos[t]; ok {
			combined = k
			break
		}
		pos[t] = k
	}
	if combined > 0 {
		// The goals-only view runs until its order in the combined view breaks.
		prev := -1
		for _, t := range texts[combined:] {
			p, ok := pos[t]
			if !ok || p < prev {
				break
			}
			isGoal[t] = true
			prev = p
		}
		return combined, isGoal
	}
	for _, t := range texts {
		if !strings.HasPrefix(t, "•") && len(itemAmounts(t)) == 0 {
			isGoal[t] = true
		}
	}
	return len(texts), isGoal
}

// itemAmounts returns the lines of an item that are an amount ("€4.486.000",
// "€981.000 (budget Wij Deventer)").
func itemAmounts(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if m := amountLine.FindString(strings.TrimSpace(l)); m != "" {
			out = append(out, m)
		}
	}
	return out
}

// firstSentence returns text up to the end of its first sentence: a full
// stop, question or exclamation mark followed by a space and a capital or
// digit, not after a common abbreviation.
func firstSentence(text string) string {
	text = collapse(text)
	for k := 0; k < len(text); k++ {
		ch := text[k]
		if ch != '.' && ch != '?' && ch != '!' {
			continue
		}
		if k+2 >= len(text) || text[k+1] != ' ' {
			continue
		}
		r, _ := utf8.DecodeRuneInString(text[k+2:])
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			continue
		}
		if ch == '.' && isAbbreviation(text[:k]) {
			continue
		}
		return text[:k+1]
	}
	return text
}

var abbreviations = []string{"o.a", "m.n", "bijv", "incl", "excl", "e.d", "e.a", "t.b.v", "i.v.m", "d.w.z", "nr", "art", "ca", "zgn", "resp", "mr", "dr", "drs", "ir", "ing", "z.g.a"}

func isAbbreviation(before string) bool {
	fields := strings.Fields(before)
	if len(fields) == 0 {
		return false
	}
	w := strings.ToLower(fields[len(fields)-1])
	for _, a := range abbreviations {
		if w == a {
			return true
		}
	}
	return utf8.RuneCountInString(w) == 1
}

// enumerated is one item of a numbered list found in running text.
type enumerated struct {
	number, text string
}

var enumStart = regexp.MustCompile(`(?:^|[\s;,.])(\d{1,2})[.)]\s+`)

// enumeration splits "1. X; 2. Y 3. Z" at its item numbers, which must run
// 1, 2, 3, …; it returns nil when text is not such a list.
func enumeration(text string) []enumerated {
	if !startsEnumeration(text) {
		return nil // spares the expression on most texts
	}
	locs := enumStart.FindAllStringSubmatchIndex(text, -1)
	var starts [][]int
	next := 1
	for _, l := range locs {
		if text[l[2]:l[3]] == strconv.Itoa(next) {
			starts = append(starts, l)
			next++
		}
	}
	if len(starts) < 2 || starts[0][2] > 1 {
		return nil
	}
	var out []enumerated
	for k, l := range starts {
		end := len(text)
		if k+1 < len(starts) {
			end = starts[k+1][2]
		}
		item := strings.TrimSpace(text[l[1]:end])
		if item == "" {
			return nil
		}
		out = append(out, enumerated{number: text[l[2]:l[3]], text: item})
	}
	return out
}

// startsEnumeration reports whether text starts with the number of item 1
// as enumStart finds it, at most one separator before it ("1. X",
// " 1) X"): the first item of an enumeration must.
func startsEnumeration(text string) bool {
	s := text
	if s != "" && strings.IndexByte(" \t\n\f\r;,.", s[0]) >= 0 {
		s = s[1:]
	}
	return len(s) >= 3 && s[0] == '1' && (s[1] == '.' || s[1] == ')') && strings.IndexByte("\t\n\f\r ", s[2]) >= 0
}

// maxQuestionWords is the longest question read as a heading printed as
// a paragraph or at the start of one ("Wat willen we bereiken? …"); a
// longer one is a sentence of the text.
const maxQuestionWords = 8

// questionHead splits text that opens with a short question into the
// question and the text after it, if any.
func questionHead(text string) (head, rest string, ok bool) {
	k := strings.Index(text, "?")
	if k < 0 || k+1 < len(text) && text[k+1] != ' ' {
		return "", "", false
	}
	head, rest = text[:k+1], strings.TrimSpace(text[k+1:])
	if len(strings.Fields(head)) > maxQuestionWords {
		return "", "", false
	}
	return head, rest, true
}

// endsStatement reports whether block k ends the section of a statement:
// there is none, or it is a heading or a paragraph that is or opens with a
// question heading ("Wat doen we daarvoor? …").
func endsStatement(blocks []extract.Block, k int) bool {
	if k >= len(blocks) {
		return true
	}
	switch blocks[k].Kind {
	case extract.Heading:
		return true
	case extract.Paragraph:
		_, _, ok := questionHead(collapse(blocks[k].Text))
		return ok
	}
	return false
}

// maxQuotedWords is the longest quoted phrase read as a goal's title
// ("‘Goede ambulancezorg’"); a longer quotation is a citation.
const maxQuotedWords = 10

// quotedTitle returns the phrase a paragraph opens with in quotes, when
// the quote closes within maxQuotedWords words and ends the paragraph or
// its first sentence.
func quotedTitle(text string) (string, bool) {
	open, size := utf8.DecodeRuneInString(text)
	var want string
	switch open {
	case '‘':
		want = "’"
	case '“':
		want = "”"
	case '"':
		want = `"`
	default:
		return "", false
	}
	body := text[size:]
	k := closingQuote(body, want)
	if k <= 0 {
		return "", false
	}
	title, after := strings.TrimSpace(body[:k]), strings.TrimSpace(body[k+len(want):])
	if len(strings.Fields(title)) > maxQuotedWords {
		return "", false
	}
	if r, _ := utf8.DecodeRuneInString(after); after != "" && !unicode.IsUpper(r) {
		return "", false
	}
	return title, true
}

// closingQuote returns the index of the first quote mark q in s that no
// letter follows (the ’ of "regio’s" is an apostrophe), or -1.
func closingQuote(s, q string) int {
	for k := 0; k < len(s); {
		i := strings.Index(s[k:], q)
		if i < 0 {
			return -1
		}
		k += i + len(q)
		if r, _ := utf8.DecodeRuneInString(s[k:]); !unicode.IsLetter(r) {
			return k - len(q)
		}
	}
	return -1
}

// startsLower reports whether s starts with a lower-case letter.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// maxPageDigits is the longest page number of a table of contents entry.
const maxPageDigits = 4

// tocLine reports whether text is an entry of a table of contents: a
// title, dot leaders ("...", "…", "···") and a page number. It reads the
// end of text only: an expression anchored at the end alone would try
// every position of a long paragraph.
func tocLine(text string) bool {
	rest := strings.TrimRight(text, "0123456789")
	if n := len(text) - len(rest); n == 0 || n > maxPageDigits {
		return false
	}
	rest = strings.TrimRight(rest, " \t\n\f\r")
	return strings.HasSuffix(rest, "...") || strings.HasSuffix(rest, "…") || strings.HasSuffix(rest, "···")
}
