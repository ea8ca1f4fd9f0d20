package appimport

import (
	"regexp"
	"strings"

	"github.com/partnerpages/partnerpages/scaffold/partner"
)

// featurePattern recognises a platform feature in a bullet, in the ways
// the site words them: the verb and object, towards HubRise, and its
// qualifier.
type featurePattern struct {
	key  string
	re   *regexp.Regexp
	with map[string]*regexp.Regexp
}

var statusQ = regexp.MustCompile(`(?i)(including|with) (the |their )?order status(es)?|with their status|(dont|y compris|avec) (les |le |leurs? )?statuts? de(s)? commandes?|avec leur statut`)
var loyaltyQ = regexp.MustCompile(`(?i)including loyalty|loyalty data included|dont la fidélité|fidélité comprise|données du programme de fidélité`)

var featurePatterns = []featurePattern{
	{"pull-orders", regexp.MustCompile(`(?i)^(pull|receive) orders from HubRise\b|^recevoir les commandes (de|venant de) HubRise\b`), map[string]*regexp.Regexp{"status": statusQ}},
	{"push-orders", regexp.MustCompile(`(?i)^push orders (in)?to HubRise\b|^envoyer les commandes (à|vers) HubRise\b`), map[string]*regexp.Regexp{"status": statusQ}},
	{"pull-customers", regexp.MustCompile(`(?i)^pull customer (information|details|data) from HubRise\b|^recevoir les informations clients? de HubRise\b`), map[string]*regexp.Regexp{"loyalty": loyaltyQ}},
	{"push-customers", regexp.MustCompile(`(?i)^push customer (information|details|data) (in)?to HubRise\b|^envoyer les informations clients? (à|vers) HubRise\b`), map[string]*regexp.Regexp{"loyalty": loyaltyQ}},
	{"pull-catalog", regexp.MustCompile(`(?i)^pull (the|a) (menu|catalog) from (a )?HubRise( catalog)?\.?$|^recevoir (un|le) (catalogue|menu)( de produits)? (de|d'un catalogue) HubRise\.?$`), nil},
	{"push-catalog", regexp.MustCompile(`(?i)^push (the|a) (menu|catalog) (in)?to a HubRise catalog\.?$|^envoyer (un catalogue|le menu) (à HubRise|dans un catalogue HubRise)\.?$`), nil},
	{"sync-inventory", regexp.MustCompile(`(?i)^synchroni[sz]e inventory with HubRise\.?$|^keep inventory in sync with HubRise\.?$|^synchroniser l'inventaire avec HubRise\.?$`), nil},
	{"sync-delivery-time", regexp.MustCompile(`(?i)^synchroni[sz]e (the )?final delivery time with HubRise\.?$|^keep the final delivery time in sync with HubRise\.?$|^synchroniser (le délai|l'heure) de livraison( finale)? avec HubRise\.?$`), nil},
}

// classifyFeature reads a bullet as a platform feature; ok is false for a
// feature in the page's own words. The whole bullet must be the feature
// and its qualifiers: anything more is the page's own.
func classifyFeature(text string) (partner.Feature, bool) {
	t := spaces(text)
	for _, fp := range featurePatterns {
		loc := fp.re.FindStringIndex(t)
		if loc == nil {
			continue
		}
		f := partner.Feature{Key: fp.key}
		rest := strings.TrimSpace(t[loc[1]:])
		for _, q := range []string{"status", "loyalty"} {
			re := fp.with[q]
			if re == nil {
				continue
			}
			if m := re.FindStringIndex(rest); m != nil {
				f.With = append(f.With, q)
				rest = strings.TrimSpace(rest[:m[0]] + rest[m[1]:])
			}
		}
		if strings.Trim(rest, " ,.") != "" {
			return partner.Feature{}, false
		}
		return f, true
	}
	return partner.Feature{}, false
}

// noticeKinds recognises the platform's notices about the documentation.
var noticeKinds = []struct {
	kind string
	re   *regexp.Regexp
}{
	{"doc-soon", regexp.MustCompile(`(?i)^(a |the )?full documentation of this integration will be available soon\.?$|^(la|une) documentation complète de cette intégration sera bientôt disponible\.?$|^the full documentation of this integration is coming soon\.?$`)},
	{"doc-writing", regexp.MustCompile(`(?i)^(a |the )?full documentation of this integration is (in progress|being written)\.?$|^(la|une) documentation complète de cette intégration est en cours de rédaction\.?$`)},
	{"in-progress", regexp.MustCompile(`(?i)^the integration is (in progress|being built)\. .*(published|follow) once .*\.$|^intégration en cours\. .*publiée une fois .*\.$|^l'intégration est en cours de réalisation\. .*$`)},
	{"in-review", regexp.MustCompile(`(?i)^the integration is (currently being reviewed|under review)\. .*$|^l'audit de l'intégration est en cours\. .*$|^l'intégration est en cours d'audit\. .*$`)},
}

var oneLanguage = regexp.MustCompile(`(?i)^(this|the full) documentation is available <Link href="([^"]+)"[^>]*>in \w+ only</Link>\.?$|^(la |cette )?documentation( complète)? est disponible <Link href="([^"]+)"[^>]*>en \w+ uniquement</Link>\.?$|^full documentation available <Link href="([^"]+)"[^>]*>in \w+ only</Link>\.?$`)

var linkHref = regexp.MustCompile(`<Link href="([^"]+)"`)

var plannedEN = regexp.MustCompile(`^(.+?) will be supported (in the future|soon|in a later release)\. (Contact .+ for more information( on this matter)?|For more information, contact .+)\.$`)
var plannedFR = regexp.MustCompile(`^(.+?) : prévu dans une prochaine version\. Pour plus d'informations, contactez .+\.$`)

// classifyNotice reads a notice's text (after its bold marker) as a kind.
func classifyNotice(text string) partner.Notice {
	t := spaces(text)
	for _, k := range noticeKinds {
		if k.re.MatchString(t) {
			return partner.Notice{Kind: partner.Scalar{Value: k.kind}}
		}
	}
	if oneLanguage.MatchString(t) {
		href := linkHref.FindStringSubmatch(t)[1]
		lang := "en"
		if parts := strings.Split(strings.Trim(href, "/"), "/"); len(parts) > 2 && parts[0] != "apps" {
			lang = parts[0]
		}
		return partner.Notice{Kind: partner.Scalar{Value: "one-language"}, Lang: partner.Scalar{Value: lang}}
	}
	if m := plannedEN.FindStringSubmatch(t); m != nil {
		return partner.Notice{Kind: partner.Scalar{Value: "planned"}, Text: partner.Text{Value: partner.Scalar{Value: m[1]}}}
	}
	if m := plannedFR.FindStringSubmatch(t); m != nil {
		return partner.Notice{Kind: partner.Scalar{Value: "planned"}, Text: partner.Text{Value: partner.Scalar{Value: m[1]}}}
	}
	return partner.Notice{Kind: partner.Scalar{Value: "note"}, Text: partner.Text{Value: partner.Scalar{Value: t}}}
}

// connectionSentence recognises the overview's line on how the app is
// connected, which the templates write from the connect page's mode.
var connectionSentence = regexp.MustCompile(`(?i)^(.+ (can be|is) connected (to HubRise )?(from|via|through|by) .+|.+ connects to HubRise from .+|the .+ support team connects .+|.+ peut être connecté(e)? à HubRise .+|vous pouvez connecter .+ à HubRise .+|.+ se connecte à HubRise depuis .+|l'équipe de support .+ connecte .+)$`)

// platformParagraph recognises the platform's closing paragraph of Why
// Connect?: it sends the reader to the Apps page.
func platformParagraph(md string) bool {
	return strings.Contains(md, "](/apps)") && (strings.Contains(md, "HubRise") || strings.Contains(md, "Hubrise"))
}

// spaces is text with its no-break spaces (French typography) as plain
// spaces, trimmed: for matching the platform's wording only.
func spaces(text string) string {
	return strings.TrimSpace(strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(text))
}
