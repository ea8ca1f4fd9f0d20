package pageimport

import (
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/partnerpages/partnerpages/scaffold/page"
)

// steps are the facts of a back-office step list.
type steps struct {
	menu       []string
	before     []string
	button     string
	extra      []string
	after      []string // disconnecting: steps after the line that says the app is disconnected
	beforeMenu []string // steps before the one that opens the menu
	lines      []int    // lines of the menu and button steps, which the template writes from the typed facts
	app        string   // mode app-list: the app's name in HubRise's app list
}

// items returns the steps of list, from the page model.
func (r *reader) items(list ast.Node) []page.Step { return r.page.Steps(list) }

// isNav reports whether a step only opens a menu or page: bold labels and
// navigation words, no image, no link, one paragraph.
func (r *reader) isNav(it page.Step) bool {
	if len(it.Labels) == 0 || len(it.Images) > 0 || len(it.Links) > 0 || it.Item.ChildCount() > 1 {
		return false
	}
	rest := it.Text
	for _, l := range it.Labels {
		rest = strings.Replace(rest, l.Text, " ", 1)
	}
	return isNavigation(rest, r.name)
}

// buttonIndex finds the step that clicks the connect (or disconnect) button
// and which of its labels is the button. standardAfter reports a step right
// after the button that only says where the reader lands.
func (r *reader) buttonIndex(items []page.Step, connect bool) (idx, lab int) {
	lastClick := func(upto int) (int, int) {
		for i := upto - 1; i >= 0; i-- {
			if len(items[i].Labels) > 0 && clickRe.MatchString(items[i].Text) {
				return i, len(items[i].Labels) - 1
			}
		}
		for i := upto - 1; i >= 0; i-- {
			if len(items[i].Labels) > 0 {
				return i, len(items[i].Labels) - 1
			}
		}
		return -1, -1
	}
	if !connect {
		for i, it := range items {
			if r.standardDisconnectStep(it) {
				return lastClick(i)
			}
		}
		return lastClick(len(items))
	}
	for i, it := range items {
		s, ok := page.Extent(it.Item.FirstChild())
		if !ok {
			continue
		}
		loc := redirectRe.FindIndex(r.body[s.Start:s.End])
		if loc == nil {
			continue
		}
		at := s.Start + loc[0]
		for k := len(it.Labels) - 1; k >= 0; k-- {
			if it.Labels[k].Span.End <= at {
				return i, k
			}
		}
		return lastClick(i)
	}
	for i, it := range items {
		if r.standardConnectStep(it) {
			return lastClick(i)
		}
	}
	return lastClick(len(items))
}

// standardConnectStep reports whether a step after the button only says what
// the template's own steps say (pick the location, Authorise, back in the app).
func (r *reader) standardConnectStep(it page.Step) bool {
	if len(it.Images) > 0 || it.Item.ChildCount() > 1 {
		return false
	}
	if locationStepRe.MatchString(it.Text) && chooseRe.MatchString(it.Text) || authoriseStepRe.MatchString(it.Text) || connectedStepRe.MatchString(it.Text) {
		return true
	}
	for _, s := range sentences(it.Text) {
		if !templateSentenceRe.MatchString(s) {
			return false
		}
	}
	return true
}

func (r *reader) standardDisconnectStep(it page.Step) bool {
	return len(it.Images) == 0 && it.Item.ChildCount() <= 1 && disconnectedStepRe.MatchString(it.Text)
}

// backOffice reads a list of back-office steps into menu, steps before the
// button, button and extra steps; what the template says itself is reported
// as replaced.
func (r *reader) backOffice(list ast.Node, connect bool) (steps, error) {
	var st steps
	replacedBefore := len(r.report.Replaced)
	items := r.items(list)
	var kept []page.Step
	for _, it := range items {
		if strings.TrimSpace(it.Markdown) == "" {
			r.fixed(it.Line, "empty step removed")
			continue
		}
		kept = append(kept, it)
	}
	items = kept
	what := "connect"
	if !connect {
		what = "disconnect"
	}
	b, k := r.buttonIndex(items, connect)
	if b < 0 {
		return st, fmt.Errorf("line %d: no step clicks a button in bold, so the %s button is unknown", r.lineOf(list), what)
	}
	bt := items[b]
	btn := bt.Labels[k]
	st.button = btn.Text

	// The leading steps that only navigate make the menu path.
	run := 0
	for run < b && r.isNav(items[run]) {
		for _, l := range items[run].Labels {
			st.menu = append(st.menu, l.Text)
		}
		st.lines = append(st.lines, items[run].Line)
		run++
	}
	st.lines = append(st.lines, bt.Line)
	for _, it := range items[run:b] {
		st.before = append(st.before, it.Markdown)
	}

	// The button step: what comes before the click, and after it.
	first := bt.Item.FirstChild()
	fs, _ := page.Extent(first)
	itemStart := fs.Start
	pre := trimBeforeButton(page.Dedent(r.body, page.Span{Start: itemStart, End: btn.Span.Start}))
	post := ""
	if btn.Span.End < fs.End {
		post = page.Dedent(r.body, page.Span{Start: btn.Span.End, End: fs.End})
	}
	var imageLines, residue []string
	for _, line := range strings.Split(post, "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "![") || strings.HasPrefix(t, "<") {
			imageLines = append(imageLines, t)
			continue
		}
		for _, s := range sentences(line) {
			if templateSentenceRe.MatchString(s) {
				r.replaced(bt.Line, "sentence %q (the template's button step says it)", strings.TrimSpace(s))
				continue
			}
			residue = append(residue, strings.TrimSpace(s))
		}
	}
	rest := strings.TrimSpace(strings.Join(residue, " "))
	if m := glossRe.FindStringSubmatch(rest); m != nil {
		st.button += " " + m[1]
		rest = ""
	}
	if strings.Trim(rest, " .;,") == "" {
		rest = ""
	}
	var preLabels []string
	for _, l := range bt.Labels[:k] {
		preLabels = append(preLabels, l.Text)
	}
	preRest := pre
	for _, l := range preLabels {
		preRest = strings.Replace(preRest, "**"+l+"**", " ", 1)
	}
	// A sentence the button step says after the click has no place in the
	// template's button step, and written before it, it would move: the
	// section is then kept as written. A clause (", then …", "; leave …")
	// stays with the words before the click.
	if rest != "" && !strings.ContainsAny(rest[:1], ";,") {
		return st, fmt.Errorf("line %d: the step that clicks **%s** goes on after the click, which the template's step cannot say", bt.Line, st.button)
	}
	for c := first.NextSibling(); c != nil; c = c.NextSibling() {
		imageLines = append(imageLines, page.MarkdownOf(r.body, c))
	}
	switch {
	case pre != "" && rest == "" && run == b && len(preLabels) > 0 && !strings.Contains(pre, "](") && isNavigation(preRest, r.name):
		st.menu = append(st.menu, preLabels...)
	case pre != "" || rest != "":
		s := pre
		if rest != "" {
			if s == "" {
				s = strings.TrimLeft(rest, " ;,.")
			} else if strings.IndexAny(rest[:1], ";,.") == 0 {
				s += rest
			} else {
				s += ". " + rest
			}
		}
		st.before = append(st.before, endSentence(s))
	}
	// A screenshot under the button step shows the screen where one clicks:
	// it goes with the step before the click, and when there is none, the
	// section is kept as written (a step of nothing but an image would read
	// as one more thing to do).
	if len(imageLines) > 0 {
		if len(st.before) == 0 {
			return st, fmt.Errorf("line %d: the step that clicks **%s** has a screenshot under it, which the template's step cannot hold", bt.Line, st.button)
		}
		st.before[len(st.before)-1] += "\n" + strings.Join(imageLines, "\n")
	}
	if len(st.menu) == 0 {
		// No step only navigates: the button is reached from the back office's home.
		if len(st.before) == 0 {
			return st, fmt.Errorf("line %d: no step names the back-office menu that leads to the %s button", bt.Line, what)
		}
		// The first step that names a label in bold opens the menu; the steps
		// before it (sign in, pick the shop) come before the menu step.
		j := 0
		for j < b && len(items[j].Labels) == 0 {
			j++
		}
		if j == b || j >= len(st.before) {
			return st, fmt.Errorf("line %d: no step before the button names a menu in bold, so the back-office path is unknown", items[0].Line)
		}
		st.beforeMenu = st.before[:j]
		nav := j
		for nav < b && r.isNav(items[nav]) {
			for _, l := range items[nav].Labels {
				st.menu = append(st.menu, l.Text)
			}
			st.lines = append(st.lines, items[nav].Line)
			nav++
		}
		if nav > j {
			st.before = st.before[nav:]
		} else {
			first := items[j]
			st.before = st.before[j:]
			st.menu = []string{first.Labels[0].Text}
			r.note(first.Line, "menu path taken as **%s**; the step is kept as written after it", first.Labels[0].Text)
		}
	}

	template := len(r.report.Replaced) > replacedBefore // the button step says what the template's does
	ownLine := 0                                        // the first partner step after the button
	disconnected := 0                                   // the line that says the app is disconnected
	for _, it := range items[b+1:] {
		std := r.standardConnectStep(it)
		if !connect {
			std = r.standardDisconnectStep(it)
		}
		// after the button, the template writes the platform's connect steps
		// before the partner's, and its disconnect step after them: a step
		// standing the other way round would move
		if connect && std && ownLine > 0 {
			return st, fmt.Errorf("line %d: the partner's step comes before the platform's step on line %d, and the template would put it after", ownLine, it.Line)
		}
		if !connect && !std && disconnected > 0 {
			st.after = append(st.after, it.Markdown) // the template writes them after that line
			continue
		}
		if !connect && std && disconnected > 0 {
			return st, fmt.Errorf("line %d: the page says twice that the app is disconnected (line %d)", it.Line, disconnected)
		}
		if !connect && std {
			disconnected = it.Line
		}
		if std {
			r.replaced(it.Line, "step %q (the template writes this step)", clip(it.Text))
			r.report.skipLine(it.Line)
			template = true
			continue
		}
		st.extra = append(st.extra, it.Markdown)
		if ownLine == 0 {
			ownLine = it.Line
		}
	}
	if connect && !template {
		// no step after the button is the platform's (pick the location,
		// Allow, back in the app): the procedure is the partner's own
		return st, fmt.Errorf("line %d: the steps do not go through the platform's authorisation page the template describes", items[0].Line)
	}
	return st, nil
}

// endSentence ends s with a full stop unless it already ends with punctuation.
func endSentence(s string) string {
	s = strings.TrimRight(s, " ,;")
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?:)") {
		return s
	}
	return s + "."
}

func clip(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:57]) + "..."
	}
	return s
}
