package lint

import (
	_ "embed"

	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// Speller tells which words a language's dictionary lacks: the spelling
// rule asks it (the system's hunspell, package spelling).
type Speller interface {
	Unknown(lang string, words []string) ([]string, error)
}

// vocabulary is the site's own words the dictionaries lack: the platform's
// terms and the trade's (one per line; # starts a comment).
//
//go:embed vocabulary.txt
var vocabulary string

// siteWords is vocabulary as a set.
var siteWords = func() map[string]bool {
	out := map[string]bool{}
	for _, line := range strings.Split(vocabulary, "\n") {
		if w, _, _ := strings.Cut(line, "#"); strings.TrimSpace(w) != "" {
			out[strings.TrimSpace(w)] = true
		}
	}
	return out
}()

// proseWordRe is a word: letters, with apostrophes inside (don't, l'accès).
var proseWordRe = regexp.MustCompile(`\p{L}+(?:['’-]\p{L}+)*`)

// frenchElision is what a French word may start with before an apostrophe.
var frenchElision = map[string]bool{"l": true, "d": true, "j": true, "m": true, "n": true, "s": true, "t": true, "c": true, "qu": true, "jusqu": true, "lorsqu": true, "puisqu": true, "quoiqu": true}

// slips are wordings a dictionary accepts word by word that an editor fixes.
var slips = map[string][]struct {
	re  *regexp.Regexp
	fix string
}{
	"en": {{regexp.MustCompile(`(?i)\bto can\b`), "to be able to"}},
}

// spelling reports words of the page's prose that its language's
// dictionary lacks, once each: only words in lower case (names and
// acronyms are the other rules'), outside code, links' addresses and
// e-mails, and not the site's vocabulary, the page's product name or the
// project's own words.
func (c *checker) spelling() {
	lang := c.p.Lang()
	for i := range c.p.Blocks {
		b := &c.p.Blocks[i]
		for _, s := range slips[lang] {
			if loc := s.re.FindStringIndex(b.Text); loc != nil && !c.p.InCode(b, loc[0]) {
				c.addSeverity(c.p.PosIn(b, loc[0]), RuleSpelling, SeverityWarning, fmt.Sprintf("%q: write %q", b.Text[loc[0]:loc[1]], s.fix))
			}
		}
	}
	if c.o.Speller == nil {
		return
	}
	own := map[string]bool{}
	if name, _ := c.p.MetaName(); name != "" {
		for _, w := range proseWordRe.FindAllString(strings.ToLower(name), -1) {
			own[w] = true
		}
	}
	pageNames := capitalised(c.p)
	var names map[string]bool
	type place struct {
		b *Block
		i int
	}
	first := map[string]place{}
	var words []string
	for i := range c.p.Blocks {
		b := &c.p.Blocks[i]
		labels := map[string]bool{} // a label in bold is the UI's, in the UI's language and spelling
		for _, l := range c.p.Labels(b.Node) {
			for _, w := range proseWordRe.FindAllString(l, -1) {
				labels[w] = true
			}
		}
		if _, heading := b.Node.(*ast.Heading); heading {
			names = nil // a heading's capitalised words are a title's: only words in lower case are checked
		} else {
			names = pageNames
		}
		for _, t := range checkedWords(b.Text, lang, names) {
			w := t.word
			if c.p.InCode(b, t.at) || siteWords[w] || own[w] || c.o.Words[w] || labels[w] || labels[b.Text[t.at:t.at+len(w)]] {
				continue
			}
			if _, seen := first[w]; !seen {
				first[w] = place{b, t.at}
				words = append(words, w)
			}
		}
	}
	if len(words) == 0 {
		return
	}
	unknown, err := c.o.Speller.Unknown(lang, words)
	if err != nil {
		return // no dictionary: the command said so once
	}
	for _, w := range unknown {
		at := first[w]
		c.addSeverity(c.p.PosIn(at.b, at.i), RuleSpelling, SeverityWarning, fmt.Sprintf(
			"%q is not in the %s dictionary: fix its spelling, or, if the site uses the word, add it to lint.words in partnerpages.yaml", w, lang))
	}
}

// token is a word of a text and where it starts.
type token struct {
	word string
	at   int
}

// checkedWords returns the words of text the spelling rule checks: in
// lower case, or capitalised at the start of a sentence and not one of
// names (words the page capitalises elsewhere: names); three letters or
// more; in chunks (between spaces) that are no address, path, file name
// or number.
func checkedWords(text, lang string, names map[string]bool) []token {
	var out []token
	for start := 0; start < len(text); {
		r, n := utf8.DecodeRuneInString(text[start:])
		if unicode.IsSpace(r) {
			start += n
			continue
		}
		end := start
		for end < len(text) {
			r, n := utf8.DecodeRuneInString(text[end:])
			if unicode.IsSpace(r) {
				break
			}
			end += n
		}
		chunk := text[start:end]
		if !notProse(chunk) {
			for _, loc := range proseWordRe.FindAllStringIndex(chunk, -1) {
				w := strings.ReplaceAll(chunk[loc[0]:loc[1]], "’", "'")
				at := start + loc[0]
				if lang == "fr" {
					if pre, rest, ok := strings.Cut(w, "'"); ok && frenchElision[strings.ToLower(pre)] {
						at += len(pre) + len("'")
						if strings.HasPrefix(chunk[loc[0]+len(pre):], "’") {
							at += len("’") - len("'")
						}
						w = rest
					}
				}
				if utf8.RuneCountInString(w) < 3 || strings.Contains(w, "-") {
					continue // a compound (add-ons, urb-it) is a name or the trade's, more often than a slip
				}
				if lower := strings.ToLower(w); w == lower {
					out = append(out, token{w, at})
				} else if names != nil && !names[w] && sentenceStart(text, at) && w == capitalize(lower) && nextIsLower(chunk[loc[1]:], text[end:]) {
					out = append(out, token{w, at}) // as written: the dictionary knows a capitalised word (I'd, Choisissez)
				}
			}
		}
		start = end
	}
	return out
}

// notProse reports a chunk of text that is an address, a path, a file
// name, a number or a code name rather than words.
func notProse(chunk string) bool {
	if strings.ContainsAny(chunk, "@/\\_=<>{}|#$%&*+0123456789") {
		return true
	}
	// a dot between letters: a domain or a file name (hubrise.com, page.md)
	trimmed := strings.TrimRight(chunk, ".,;:!?»)\"'")
	return strings.Contains(trimmed, ".")
}

// sentenceStart reports whether the word at i starts its text or follows
// the end of a sentence, a list marker or a colon.
func sentenceStart(text string, i int) bool {
	before := strings.TrimRight(text[:i], " \u00a0\t\"'«“(*")
	return before == "" || strings.HasSuffix(before, ".") || strings.HasSuffix(before, "!") || strings.HasSuffix(before, "?") || strings.HasSuffix(before, ":")
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// capitalised are the words the page writes capitalised where no
// sentence starts: the names it uses (products, places, companies).
func capitalised(p *Page) map[string]bool {
	out := map[string]bool{}
	for i := range p.Blocks {
		text := p.Blocks[i].Text
		for _, loc := range proseWordRe.FindAllStringIndex(text, -1) {
			w := text[loc[0]:loc[1]]
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) && !sentenceStart(text, loc[0]) {
				out[w] = true
			}
		}
	}
	if name, _ := p.MetaName(); name != "" {
		for _, w := range proseWordRe.FindAllString(name, -1) {
			out[w] = true
		}
	}
	return out
}

// nextIsLower reports whether the word after a capitalised one (rest of
// its chunk, then the text after it) starts in lower case: "Clik the
// button" is a sentence, "Uber Eats" and "Lieferando (Germany)" are names.
func nextIsLower(chunkRest, after string) bool {
	if strings.TrimSpace(chunkRest) != "" && !strings.ContainsAny(chunkRest[:1], ".,;:!?") {
		return false
	}
	next := strings.TrimLeft(after, " \u00a0\t")
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(r)
}
