package compiled

import (
	"fmt"
	"reflect"
	"strconv"
	"sync"
)

// printing is how a value of one type prints, as fmt.Fprint prints it.
type printing int

const (
	printOther    printing = iota // left to text/template
	printError                    // its Error method
	printStringer                 // its String method
	printString                   // a string kind without methods fmt uses
	printBool
	printInt
)

var (
	stringerType  = reflect.TypeFor[fmt.Stringer]()
	formatterType = reflect.TypeFor[fmt.Formatter]()
	printings     sync.Map // reflect.Type → printing
)

// printingOf returns how values of t print, and whether an addressable
// one would print otherwise: text/template prints its pointer when only
// the pointer has an Error or String method.
func printingOf(t reflect.Type) (p printing, byAddr bool) {
	switch {
	case t.Implements(formatterType):
		return printOther, false
	case t.Implements(errorType):
		return printError, false
	case t.Implements(stringerType):
		return printStringer, false
	}
	pt := reflect.PointerTo(t)
	byAddr = pt.Implements(errorType) || pt.Implements(stringerType)
	switch t.Kind() {
	case reflect.String:
		p = printString
	case reflect.Bool:
		p = printBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		p = printInt
	}
	return p, byAddr
}

type printEntry struct {
	p      printing
	byAddr bool
}

// print writes v as text/template prints an action's value.
func (s *state) print(v reflect.Value) {
	if !v.IsValid() || v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		bail()
	}
	t := v.Type()
	var e printEntry
	if got, ok := printings.Load(t); ok {
		e = got.(printEntry)
	} else {
		e.p, e.byAddr = printingOf(t)
		printings.Store(t, e)
	}
	if e.byAddr && v.CanAddr() {
		bail()
	}
	switch e.p {
	case printError:
		s.w.WriteString(v.Interface().(error).Error())
	case printStringer:
		s.w.WriteString(v.Interface().(fmt.Stringer).String())
	case printString:
		s.w.WriteString(v.String())
	case printBool:
		s.w.WriteString(strconv.FormatBool(v.Bool()))
	case printInt:
		s.w.WriteString(strconv.FormatInt(v.Int(), 10))
	default:
		bail()
	}
}
