package compiled

import "reflect"

// builtin is a builtin function of the template language: it gets its
// arguments unevaluated, for and and or stop at the first that decides.
type builtin func(s *state, dot reflect.Value, args []argument, final reflect.Value) reflect.Value

// builtins are the builtins this package runs itself; the others are
// text/template's (a template that calls one does not compile).
var builtins map[string]builtin

func init() {
	builtins = map[string]builtin{
		"and": func(s *state, dot reflect.Value, a []argument, f reflect.Value) reflect.Value {
			return andOr(s, dot, a, f, false)
		},
		"or": func(s *state, dot reflect.Value, a []argument, f reflect.Value) reflect.Value {
			return andOr(s, dot, a, f, true)
		},
		"not":   not,
		"eq":    eq,
		"len":   length,
		"index": index,
	}
}

var anyType = reflect.TypeFor[any]()

// operand returns the builtin's operand i: its arguments, then the final
// value; the zero Value past the last.
func operand(s *state, dot reflect.Value, args []argument, final reflect.Value, i int) reflect.Value {
	switch {
	case i < len(args):
		return args[i].as(s, dot, anyType)
	case i == len(args):
		return final
	}
	return reflect.Value{}
}

// operands counts the builtin's operands.
func operands(args []argument, final reflect.Value) int {
	if final.IsValid() {
		return len(args) + 1
	}
	return len(args)
}

func andOr(s *state, dot reflect.Value, args []argument, final reflect.Value, or bool) reflect.Value {
	if operands(args, final) == 0 {
		bail()
	}
	var v reflect.Value
	for _, a := range args {
		v = a.as(s, dot, anyType)
		if truth(v) == or {
			return v
		}
	}
	if final.IsValid() {
		v = final
	}
	return v
}

func not(s *state, dot reflect.Value, args []argument, final reflect.Value) reflect.Value {
	if operands(args, final) != 1 {
		bail()
	}
	return reflect.ValueOf(!truth(operand(s, dot, args, final, 0)))
}

// eq compares strings with strings, booleans with booleans and signed
// integers with signed integers; other comparisons fall back.
func eq(s *state, dot reflect.Value, args []argument, final reflect.Value) reflect.Value {
	n := operands(args, final)
	if n < 2 {
		bail()
	}
	first := operand(s, dot, args, final, 0)
	k1 := basic(first)
	found := false
	for i := 1; i < n; i++ { // every operand is evaluated, as text/template does
		v := operand(s, dot, args, final, i)
		if basic(v) != k1 {
			bail()
		}
		switch k1 {
		case reflect.String:
			found = found || first.String() == v.String()
		case reflect.Bool:
			found = found || first.Bool() == v.Bool()
		case reflect.Int:
			found = found || first.Int() == v.Int()
		}
	}
	return reflect.ValueOf(found)
}

// basic is the kind eq compares a value as; others fall back.
func basic(v reflect.Value) reflect.Kind {
	switch v.Kind() {
	case reflect.String, reflect.Bool:
		return v.Kind()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return reflect.Int
	}
	bail()
	return reflect.Invalid
}

func length(s *state, dot reflect.Value, args []argument, final reflect.Value) reflect.Value {
	if operands(args, final) != 1 {
		bail()
	}
	v := operand(s, dot, args, final, 0)
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return reflect.ValueOf(v.Len())
	}
	bail()
	return reflect.Value{}
}

// index indexes maps by a key of their key type (a missing key gives the
// zero value) and slices and arrays by an int in range.
func index(s *state, dot reflect.Value, args []argument, final reflect.Value) reflect.Value {
	n := operands(args, final)
	if n == 0 {
		bail()
	}
	item := operand(s, dot, args, final, 0)
	for i := 1; i < n; i++ {
		key := operand(s, dot, args, final, i)
		switch item.Kind() {
		case reflect.Map:
			if !key.Type().AssignableTo(item.Type().Key()) {
				bail()
			}
			if v := item.MapIndex(key); v.IsValid() {
				item = v
			} else {
				item = reflect.Zero(item.Type().Elem())
			}
		case reflect.Slice, reflect.Array:
			if key.Kind() != reflect.Int || key.Int() < 0 || key.Int() >= int64(item.Len()) {
				bail()
			}
			item = item.Index(int(key.Int()))
		default:
			bail()
		}
	}
	return item
}
