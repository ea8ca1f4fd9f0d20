package pageimport

import (
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/partnerpages/partnerpages/scaffold/page"
	"github.com/partnerpages/partnerpages/scaffold/wording"
)

// isAppList reports whether a list of steps connects from the platform's
// app list (a step selects CONNECTIONS, then View available apps).
func (r *reader) isAppList(list ast.Node) bool {
	for _, it := range r.items(list) {
		if appListStepRe.MatchString(it.Text) {
			return true
		}
	}
	return false
}

// appList reads a connection from the platform's app list: the partner's
// steps before it, the app's name in the list, and the partner's steps
// after the platform's; the platform's own steps (sign in, the app list,
// the app and its Connect button, the location, Allow) are the template's.
// Where typing would move a partner step, or a step does not read as the
// platform's, it reports why, and the section is kept as written.
func (r *reader) appList(list ast.Node) (steps, error) {
	var st steps
	items := r.items(list)
	k := 0
	for k < len(items) && !appListStepRe.MatchString(items[k].Text) {
		it := items[k]
		switch {
		case hubriseLoginStepRe.MatchString(it.Text) && len(it.Images) == 0:
			r.replaced(it.Line, "step %q (the template writes this step)", clip(it.Text))
		case len(st.lines) > 0:
			return st, fmt.Errorf("line %d: the partner's step comes after signing in to HubRise, and the template would put it before", it.Line)
		default:
			st.beforeMenu = append(st.beforeMenu, it.Markdown)
			k++
			continue
		}
		st.lines = append(st.lines, it.Line)
		k++
	}
	if k >= len(items) || len(items[k].Images) > 0 || items[k].Item.ChildCount() > 1 {
		return st, fmt.Errorf("line %d: the step that opens the app list holds more than the template's step", items[min(k, len(items)-1)].Line)
	}
	r.replaced(items[k].Line, "step %q (the template writes the app list)", clip(items[k].Text))
	st.lines = append(st.lines, items[k].Line)
	k++
	// the app in the list, and its Connect button (in the same step or the next)
	if k >= len(items) || !appPickStepRe.MatchString(items[k].Text) || len(items[k].Images) > 0 {
		return st, fmt.Errorf("line %d: no step picks the app in the list after the app list", items[min(k, len(items)-1)].Line)
	}
	if st.app = appNameIn(items[k]); st.app == "" {
		return st, fmt.Errorf("line %d: the step that picks the app in the list does not name it", items[k].Line)
	}
	r.replaced(items[k].Line, "step %q (the template picks %s in the list)", clip(items[k].Text), st.app)
	st.lines = append(st.lines, items[k].Line)
	k++
	if k < len(items) && appConnectStepRe.MatchString(items[k].Text) && len(items[k].Images) == 0 {
		r.replaced(items[k].Line, "step %q (the template writes this step)", clip(items[k].Text))
		st.lines = append(st.lines, items[k].Line)
		k++
	}
	platform, ownLine := false, 0 // ownLine: the first partner step after the platform's
	for _, it := range items[k:] {
		if r.standardConnectStep(it) {
			if ownLine > 0 {
				return st, fmt.Errorf("line %d: the partner's step comes before the platform's step on line %d, and the template would put it after", ownLine, it.Line)
			}
			r.replaced(it.Line, "step %q (the template writes this step)", clip(it.Text))
			st.lines = append(st.lines, it.Line)
			platform = true
			continue
		}
		st.extra = append(st.extra, it.Markdown)
		if ownLine == 0 {
			ownLine = it.Line
		}
	}
	if !platform {
		return st, fmt.Errorf("line %d: the steps do not go through the platform's authorisation page the template describes", items[0].Line)
	}
	return st, nil
}

// pickedRes find the app a step picks in the list when it is not in bold
// ("Select Lightspeed Restaurant Bridge from the list of apps").
var pickedRes = wording.Names("app_picked")

// appNameIn is the name of the app a step picks: its first bold label, else
// the words it selects.
func appNameIn(it page.Step) string {
	if len(it.Labels) > 0 {
		return it.Labels[0].Text
	}
	for _, re := range pickedRes {
		if m := re.FindStringSubmatch(it.Text); m != nil && !strings.ContainsAny(m[1], ".,;") {
			return strings.TrimSpace(m[1])
		}
	}
	return ""
}
