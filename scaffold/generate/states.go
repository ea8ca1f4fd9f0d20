package generate

import (
	"github.com/partnerpages/partnerpages/scaffold/output"
	"github.com/partnerpages/partnerpages/scaffold/pagepath"
	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/render"
)

// States renders the pages of ps and tells, for each, what a run would do
// with it (output.Classify, with the page on disk in Old): absorb finds
// the hand-edited pages with it, the preview the state of each page. It
// also returns the lock file as read.
func States(out string, set *render.Set, ps []*partner.Partner) ([]output.Change, *output.Lock, error) {
	lock, err := output.ReadLock(out)
	if err != nil {
		return nil, nil, err
	}
	dir := output.NewDir(out)
	defer dir.Close()
	var changes []output.Change
	for _, p := range ps {
		outs, err := set.Render(p)
		if err != nil {
			return nil, nil, err
		}
		for _, o := range outs {
			pg := output.NewPage(pagepath.Path{Slug: p.Slug.Value, Lang: o.Lang, File: o.Name}, o.Content, p.SHA256)
			c, err := output.PlanPage(dir, lock.Pages[pg.Rel].SHA256, pg, false, true)
			if err != nil {
				return nil, nil, err
			}
			changes = append(changes, c)
		}
	}
	return changes, lock, nil
}
