package vocab

// ObjectiveHeading is what a heading says about the objectives under it.
type ObjectiveHeading int

// Objective headings.
const (
	GoalHeading    ObjectiveHeading = iota + 1 // the section's content is the goal itself: "Doelstellingen"
	AchieveHeading                             // a section of intended or achieved results: "Wat willen we bereiken?"
	NeutralHeading                             // a heading that does not end a goal section: "Stand van zaken"
)

// objectiveHeadingWord is an entry of objectiveHeadings.
type objectiveHeadingWord struct {
	kind    ObjectiveHeading
	pattern string
	example string
	meaning string
}

// objectiveHeadings are the headings, as regular expressions ignoring case:
// a goal heading is the whole heading (a colon may follow), the others
// start it.
var objectiveHeadings = []objectiveHeadingWord{
	{GoalHeading, `(beleids|hoofd|sub)?doel(stelling)?(en)?`, "Beleidsdoelstellingen", "(policy, main, sub) goal(s): the goals follow"},
	{GoalHeading, `onze doelen`, "Onze doelen", "our goals"},
	{GoalHeading, `doel(en)? en (effect|ambitie)(en)?`, "Doelen en effecten", "goals and effects (ambitions)"},
	{AchieveHeading, `wat (willen|wilden) we (daarmee )?bereiken`, "Wat willen we bereiken?", "what do (did) we want to achieve: intended results"},
	{AchieveHeading, `wat hebben we bereikt`, "Wat hebben we bereikt?", "what have we achieved: achieved results"},
	{AchieveHeading, `beoogd(e)? (maatschappelijk )?(effect|resultaat)`, "Beoogd maatschappelijk effect", "intended (societal) effect or result"},
	{NeutralHeading, `stand van zaken`, "Stand van zaken", "state of affairs: does not end a goal section"},
	{NeutralHeading, `status`, "Status", "status: does not end a goal section"},
	{NeutralHeading, `toelichting`, "Toelichting", "explanation: does not end a goal section"},
	{NeutralHeading, `voortgang`, "Voortgang", "progress: does not end a goal section"},
	{NeutralHeading, `jaar realisatie`, "Jaar realisatie", "year of realisation: does not end a goal section"},
	{NeutralHeading, `terug naar`, "Terug naar boven", "back to: a navigation link, does not end a goal section"},
}

// goalPrefixes start a paragraph that states a goal inline: "Doel: …".
var goalPrefixes = []struct{ word, meaning string }{
	{"doel", "goal"}, {"doelstelling", "goal"}, {"hoofddoel", "main goal"},
	{"ons doel", "our goal"}, {"beoogd effect", "intended effect"},
}

// goalIntros start a paragraph that introduces goals rather than stating
// one, as regular expressions ignoring case.
var goalIntros = []struct{ pattern, example, meaning string }{
	{`hieronder`, "Hieronder", "below"},
	{`onderstaand`, "Onderstaande doelen", "the following"},
	{`in (dit|deze|onderstaande)`, "In dit programma", "in this (the following)"},
	{`zie `, "Zie ook", "see"},
	{`voor een toelichting`, "Voor een toelichting", "for an explanation"},
}

// objectiveStatuses are the words an activity overview prints as an
// activity's status, lower case; a full stop may follow.
var objectiveStatuses = []struct{ word, meaning string }{
	{"gerealiseerd", "realised"}, {"niet gerealiseerd", "not realised"},
	{"volgens plan", "according to plan"}, {"niet volgens plan", "not according to plan"},
	{"vertraagd", "delayed"}, {"afgerond", "completed"}, {"in uitvoering", "in progress"},
	{"loopt", "running"}, {"gestart", "started"}, {"niet gestart", "not started"},
	{"op schema", "on schedule"}, {"achter op schema", "behind schedule"},
	{"geannuleerd", "cancelled"}, {"vervallen", "dropped"}, {"aandachtspunt", "point of attention"},
}

var (
	objectiveHeadingRE = byKind(objectiveHeadings, func(h objectiveHeadingWord) (ObjectiveHeading, string) {
		if h.kind == GoalHeading {
			return h.kind, `^(?:` + h.pattern + `)\s*:?$`
		}
		return h.kind, `^(?:` + h.pattern + `)`
	})
	goalPrefixRE      = lazyRE(`^(?i:` + wordsOf(goalPrefixes) + `)\s*:\s*(.+)$`)
	goalIntroRE       = lazyRE(`(?i)^(` + patternsOf(goalIntros) + `)`)
	objectiveStatusRE = lazyRE(`(?i)^(` + wordsOf(objectiveStatuses) + `)\.?$`)
)

// IsObjectiveHeading reports whether heading is one of kind: a goal heading
// is the whole heading ("Doelstellingen:"), the others start it ("Wat
// willen we bereiken?").
func IsObjectiveHeading(kind ObjectiveHeading, heading string) bool {
	re, ok := objectiveHeadingRE[kind]
	return ok && re.MatchString(heading)
}

// CutGoalPrefix returns the goal a paragraph states inline after a goal
// word and a colon ("Doel: veilige wijken" gives "veilige wijken"), and
// whether it does.
func CutGoalPrefix(text string) (goal string, ok bool) {
	m := goalPrefixRE().FindStringSubmatch(text)
	if m == nil {
		return "", false
	}
	return m[len(m)-1], true
}

// IsGoalIntro reports whether a paragraph introduces goals rather than
// stating one: "Hieronder staan …", "In dit programma …".
func IsGoalIntro(text string) bool { return goalIntroRE().MatchString(text) }

// IsObjectiveStatus reports whether s is an activity's status: "Afgerond",
// "in uitvoering.".
func IsObjectiveStatus(s string) bool { return objectiveStatusRE().MatchString(s) }
