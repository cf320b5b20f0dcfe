package batik

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
)

// Decoding JSON is strict in two ways encoding/json is not by default:
// amounts (Capability.UnitCost, Product.Price) go through ParseAmount, so
// "1e9" or "NaN" is an error rather than a number, and a key the record does
// not have is an error rather than silently ignored (a misspelt "per_wek"
// would otherwise lose a value). Enum fields accept the spellings their
// UnmarshalText accepts. Decoding does not validate: call Validate, or use
// ReadProducersJSON / ReadOrdersJSON, which do both.

// decodeStrict decodes one JSON value into v, rejecting unknown keys.
func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// UnmarshalJSON decodes a capability strictly (see the package doc).
func (c *Capability) UnmarshalJSON(data []byte) error {
	type plain Capability
	var aux struct {
		plain
		UnitCost json.RawMessage `json:"unit_cost"`
	}
	if err := decodeStrict(data, &aux); err != nil {
		return err
	}
	cost, err := amountJSON("unit_cost", aux.UnitCost)
	if err != nil {
		return err
	}
	*c = Capability(aux.plain)
	c.UnitCost = cost
	return nil
}

// UnmarshalJSON decodes a producer strictly (see the package doc).
func (p *Producer) UnmarshalJSON(data []byte) error {
	type plain Producer
	var aux plain
	if err := decodeStrict(data, &aux); err != nil {
		return err
	}
	*p = Producer(aux)
	return nil
}

// UnmarshalJSON decodes an order strictly (see the package doc).
func (o *Order) UnmarshalJSON(data []byte) error {
	type plain Order
	var aux plain
	if err := decodeStrict(data, &aux); err != nil {
		return err
	}
	*o = Order(aux)
	return nil
}

// UnmarshalJSON decodes a product strictly (see the package doc).
func (p *Product) UnmarshalJSON(data []byte) error {
	type plain Product
	var aux struct {
		plain
		Price json.RawMessage `json:"price"`
	}
	if err := decodeStrict(data, &aux); err != nil {
		return err
	}
	price, err := amountJSON("price", aux.Price)
	if err != nil {
		return err
	}
	*p = Product(aux.plain)
	p.Price = price
	return nil
}

// ReadProducersJSON reads a JSON array of producers, decodes each strictly
// and validates it. It returns the producers that are valid, in input
// order, and, if any element is not, a *DataError (wrapping ErrData) with
// one RowError per problem: Line and Column of the element's start and Field
// as a path such as "[3].capabilities[1].per_week". Invalid elements are
// left out of the slice and reported, never dropped silently. Duplicate IDs
// are reported at the later element. A syntax error ends reading (the rest
// cannot be located) and is reported with its own line and column.
// The whole input is read into memory. O(len(input)).
func ReadProducersJSON(r io.Reader) ([]Producer, error) {
	return readJSONArray(r, func(p *Producer) (string, error) { return p.ID, p.Validate() })
}

// ReadOrdersJSON is ReadProducersJSON for a JSON array of orders.
func ReadOrdersJSON(r io.Reader) ([]Order, error) {
	return readJSONArray(r, func(o *Order) (string, error) { return o.ID, o.Validate() })
}

func readJSONArray[T any](r io.Reader, check func(*T) (string, error)) ([]T, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte(bom))
	lines := newLineIndex(data)
	var problems []RowError
	report := func(off int64, field, tag, param, value string) {
		line, col := lines.pos(off)
		problems = append(problems, RowError{Line: line, Column: col,
			FieldError: FieldError{Field: field, Tag: tag, Param: param, Value: value}})
	}
	fail := func() ([]T, error) { return nil, &DataError{Rows: problems} }

	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if err != nil || tok != json.Delim('[') {
		report(dec.InputOffset(), "", "json", "want a JSON array of records", "")
		return fail()
	}
	var out []T
	seen := make(map[string]int)
	for i := 0; dec.More(); i++ {
		start := skipSpace(data, dec.InputOffset())
		prefix := "[" + strconv.Itoa(i) + "]"
		var v T
		if err := dec.Decode(&v); err != nil {
			var syn *json.SyntaxError
			switch {
			case errors.As(err, &syn):
				report(syn.Offset, prefix, "json", syn.Error(), "")
				return fail()
			case dec.InputOffset() <= start:
				// The element could not even be read (truncated input):
				// the decoder cannot go on.
				report(start, prefix, "json", "the input ends inside this element", "")
				return fail()
			}
			f := decodeProblem(err)
			f.Field = joinPath(prefix, f.Field)
			line, col := lines.pos(start)
			problems = append(problems, RowError{Line: line, Column: col, FieldError: f})
			continue
		}
		id, err := check(&v)
		var verr *ValidationError
		if errors.As(err, &verr) {
			for _, f := range verr.Fields {
				f.Field = prefix + "." + f.Field
				line, col := lines.pos(start)
				problems = append(problems, RowError{Line: line, Column: col, FieldError: f})
			}
			continue
		}
		if first, dup := seen[id]; dup {
			report(start, prefix+".id", "duplicate", "", quote(id)+" (first at ["+strconv.Itoa(first)+"])")
			continue
		}
		seen[id] = i
		out = append(out, v)
	}
	if _, err := dec.Token(); err != nil {
		report(dec.InputOffset(), "", "json", "the array is not closed", "")
	} else if dec.More() {
		report(dec.InputOffset(), "", "json", "data after the closing ]", "")
	}
	if len(problems) > 0 {
		return out, &DataError{Rows: problems}
	}
	return out, nil
}

// decodeProblem states a decoding error as a FieldError without Go type
// names. Field is relative to the element.
func decodeProblem(err error) FieldError {
	var (
		ee  *EnumError
		ae  *AmountError
		ute *json.UnmarshalTypeError
	)
	switch {
	case errors.As(err, &ee):
		return FieldError{Field: ee.Type, Tag: enumTag(ee.Type), Value: quote(ee.Value)}
	case errors.As(err, &ae):
		return ae.fieldError(ae.Field)
	case errors.As(err, &ute):
		// The decoding goes through unexported mirror types named
		// "plain"; they are not part of the path a user knows.
		field := strings.ReplaceAll(ute.Field, "plain.", "")
		return FieldError{Field: field, Tag: "json", Param: "a JSON " + ute.Value + " cannot go in this field"}
	}
	return FieldError{Tag: "json", Param: strings.TrimPrefix(err.Error(), "json: ")}
}

func joinPath(prefix, field string) string {
	if field == "" {
		return prefix
	}
	return prefix + "." + field
}

// enumTag is the validation tag of an enum kind named in an EnumError.
func enumTag(kind string) string {
	if kind == labelSpec.kind {
		return "batikmark"
	}
	return kind
}

func skipSpace(data []byte, off int64) int64 {
	for off < int64(len(data)) {
		switch data[off] {
		case ' ', '\t', '\n', '\r', ',':
			off++
		default:
			return off
		}
	}
	return off
}

// lineIndex maps byte offsets to 1-based line and column.
type lineIndex struct{ starts []int64 }

func newLineIndex(data []byte) lineIndex {
	starts := []int64{0}
	for i, c := range data {
		if c == '\n' {
			starts = append(starts, int64(i+1))
		}
	}
	return lineIndex{starts}
}

func (x lineIndex) pos(off int64) (line, col int) {
	lo, hi := 0, len(x.starts)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if x.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + 1, int(off-x.starts[lo]) + 1
}
