package compiled

import (
	"reflect"
	"sync/atomic"
	"text/template/parse"
)

// chain evaluates a field chain on a receiver; the last name gets the
// command's arguments and final value.
type chain func(s *state, dot, recv, final reflect.Value) reflect.Value

// chain compiles .A.B.C (or $x.A.B): every name but the last is a field,
// a map key or a method called without arguments.
func (c *compiler) chain(names []string, argNodes []parse.Node) (chain, error) {
	args, err := c.args(argNodes)
	if err != nil {
		return nil, err
	}
	sites := make([]*site, len(names))
	for i, name := range names {
		sites[i] = &site{name: name, key: reflect.ValueOf(name)}
	}
	last := sites[len(sites)-1]
	inner := sites[:len(sites)-1]
	return func(s *state, dot, recv, final reflect.Value) reflect.Value {
		for _, f := range inner {
			recv = f.eval(s, dot, recv, nil, reflect.Value{})
		}
		return last.eval(s, dot, recv, args, final)
	}, nil
}

// site is one name of a chain where it is written: it remembers what the
// name resolved to on the last receiver type it met.
type site struct {
	name  string
	key   reflect.Value // the name as a map key
	cache atomic.Pointer[resolution]
}

// resolution is what a name is on one receiver type.
type resolution struct {
	typ    reflect.Type
	addr   bool // resolved for an addressable receiver
	method int  // the method's index (on the pointer type when addr), or -1
	// the method's parameters, and whether its results are those
	// text/template accepts (a value, or a value and an error)
	in       []reflect.Type
	variadic bool
	good     bool
	field    []int // the struct field's index, when it is one
	isMap    bool  // a map with string keys
}

// resolve finds what name is on a receiver of type t, in text/template's
// order: a method first (of the pointer when the receiver is addressable),
// then a field or a map key.
func resolve(t reflect.Type, addr bool, name string) *resolution {
	r := &resolution{typ: t, addr: addr, method: -1}
	mt := t
	if addr {
		mt = reflect.PointerTo(t)
	}
	if m, ok := mt.MethodByName(name); ok {
		r.method = m.Index
		recv := reflect.New(t)
		if !addr {
			recv = recv.Elem()
		}
		mt := recv.Method(m.Index).Type()
		for i := range mt.NumIn() {
			r.in = append(r.in, mt.In(i))
		}
		r.variadic = mt.IsVariadic()
		n := mt.NumOut()
		r.good = n == 1 || n == 2 && mt.Out(1) == errorType
		return r
	}
	switch t.Kind() {
	case reflect.Struct:
		if f, ok := t.FieldByName(name); ok && f.IsExported() {
			r.field = f.Index
		}
	case reflect.Map:
		r.isMap = t.Key() == reflect.TypeFor[string]()
	}
	return r
}

// eval evaluates the name on recv.
func (f *site) eval(s *state, dot, recv reflect.Value, args []argument, final reflect.Value) reflect.Value {
	if k := recv.Kind(); k != reflect.Struct && k != reflect.Map {
		bail() // nil, pointers, interfaces and the rest: text/template's
	}
	addr := recv.CanAddr()
	r := f.cache.Load()
	if r == nil || r.typ != recv.Type() || r.addr != addr {
		r = resolve(recv.Type(), addr, f.name)
		f.cache.Store(r)
	}
	switch {
	case r.method >= 0:
		m := recv
		if r.addr {
			m = recv.Addr()
		}
		return s.invoke(m.Method(r.method), r, dot, args, final)
	case len(args) > 0 || final.IsValid():
		bail() // arguments to a field
	case r.field != nil:
		v, err := recv.FieldByIndexErr(r.field)
		if err != nil {
			bail()
		}
		return v
	case r.isMap:
		if v := recv.MapIndex(f.key); v.IsValid() {
			return v
		}
	}
	bail()
	return reflect.Value{}
}
