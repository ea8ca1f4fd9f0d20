package render

import (
	"strings"
	"testing"
)

func TestFrenchSpacing(t *testing.T) {
	t.Parallel()
	const n = "\u00a0"
	cases := []struct{ name, in, want string }{
		{"colon after bold", "**REMARQUE IMPORTANTE :** texte", "**REMARQUE IMPORTANTE" + n + ":** texte"},
		{"end of line", "Pour lui donner accès :", "Pour lui donner accès" + n + ":"},
		{"question and exclamation", "Prêt ? Allez !", "Prêt" + n + "? Allez" + n + "!"},
		{"semicolon", "un ; deux", "un" + n + "; deux"},
		{"guillemets", "le bouton « Valider »", "le bouton «" + n + "Valider" + n + "»"},
		{"no space, nothing added", "Yes, remove it! Note: x", "Yes, remove it! Note: x"},
		{"code span kept", "tapez `a : b` ici :", "tapez `a : b` ici" + n + ":"},
		{"double backtick span", "``x ` : y`` fin !", "``x ` : y`` fin" + n + "!"},
		{"link destination kept", "[Voir : ici](https://x.example/a?b=c !) ok ?", "[Voir" + n + ": ici](https://x.example/a?b=c !) ok" + n + "?"},
		{"bare URL kept", "Exemple : https://a.example/x?y=1 ; fin", "Exemple" + n + ": https://a.example/x?y=1" + n + "; fin"},
		{"e-mail kept", "écrivez à help@x.example : merci", "écrivez à help@x.example" + n + ": merci"},
		{"autolink kept", "<https://a.example/?q=1> !", "<https://a.example/?q=1>" + n + "!"},
		{"image after a space", "Cliquez ici ![Bouton](/img.png)", "Cliquez ici ![Bouton](/img.png)"},
		{"time and scheme", "à 10 :30 et http ://x", "à 10 :30 et http ://x"},
		{"already done", "Exemple" + n + ": x", "Exemple" + n + ": x"},
		{"escaped char", `a \: b ?`, `a \: b` + n + "?"},
		// a space after a block's marker is the marker's, not the text's
		{"heading that starts with !", "## !Titre", "## !Titre"},
		{"step that starts with ?", "1. ?Fin : oui", "1. ?Fin" + n + ": oui"},
		{"bullet that starts with :", "- :Deux", "- :Deux"},
		{"quote that starts with ;", "> ;un", "> ;un"},
		{"nested step", "   1. !x", "   1. !x"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := string(FrenchSpacing([]byte(c.in + "\n")))
			if got != c.want+"\n" {
				t.Errorf("\n got %q\nwant %q", got, c.want+"\n")
			}
			if back := PlainSpacing(got); strings.ContainsRune(c.in, NBSP) == false && back != c.in+"\n" {
				t.Errorf("PlainSpacing does not undo it: %q", back)
			}
		})
	}
}

func TestFrenchSpacingSkipsFencesAndFrontMatterKeys(t *testing.T) {
	t.Parallel()
	in := "---\ntitle: Pourquoi ?\nmeta:\n  title: a : b\n---\n\nTexte :\n\n```yaml\nkey : value ?\n```\n\nFin !\n"
	want := "---\ntitle: Pourquoi\u00a0?\nmeta:\n  title: a\u00a0: b\n---\n\nTexte\u00a0:\n\n```yaml\nkey : value ?\n```\n\nFin\u00a0!\n"
	if got := string(FrenchSpacing([]byte(in))); got != want {
		t.Errorf("\n got %q\nwant %q", got, want)
	}
}

func FuzzFrenchSpacing(f *testing.F) {
	f.Add("**A :** b ? `c : d` [e : f](g ?) h@i.j : « k »\n```\nl : m\n```\n")
	f.Add("---\nk: v ?\n---\n")
	f.Fuzz(func(t *testing.T, s string) {
		out := string(FrenchSpacing([]byte(s)))
		// only spaces change, and only into no-break spaces
		if strings.ReplaceAll(out, "\u00a0", " ") != strings.ReplaceAll(s, "\u00a0", " ") {
			t.Fatalf("changed more than spaces:\n%q\n%q", s, out)
		}
		if again := string(FrenchSpacing([]byte(out))); again != out {
			t.Fatalf("not idempotent:\n%q\n%q", out, again)
		}
	})
}
