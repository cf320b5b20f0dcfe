package batik

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"reflect"

	"github.com/batikkit/batikkit/internal/strictjson"
	"github.com/shopspring/decimal"
)

// Decoding JSON is strict where encoding/json is lenient (see the package
// doc, "JSON"): amounts go through ParseAmount; a key the record does not
// have, a key in another case than its tag ("UNIT_COST") and a key given
// twice are errors; null is never a value; a required key (one whose tag has
// no omitempty/omitzero) must be present; every value must have its field's
// JSON type. Enum fields accept the spellings their UnmarshalText accepts.
// Decoding does not validate: call Validate, or use ReadProducersJSON /
// ReadOrdersJSON, which do both.

// decodeStrict checks data against the rules above for the type of v (a
// pointer to a record) and decodes it into v's unexported mirror.
func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// checkStrict runs the strict rules on one record of type T. The error is
// a *DataError with one RowError, which wraps ErrData.
func checkStrict[T any](data []byte) error {
	if off := strictjson.BadText(data); off >= 0 {
		line, col := position(data, off)
		return &DataError{Rows: []RowError{{Line: line, Column: col, FieldError: FieldError{Tag: "json_utf8"}}}}
	}
	p := strictjson.Check(data, reflect.TypeFor[T](), "", checkLeaf)
	if p == nil {
		return nil
	}
	if p.Code == strictjson.Leaf { // the field's own error: *AmountError, *EnumError, *DateError
		var ae *AmountError
		if errors.As(p.Err, &ae) {
			ae.Field = p.Path
		}
		return &leafError{path: p.Path, err: p.Err}
	}
	line, col := position(data, int(p.Offset))
	return &DataError{Rows: []RowError{{Line: line, Column: col, FieldError: problemField(p)}}}
}

var (
	decimalType     = reflect.TypeFor[decimal.Decimal]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// checkLeaf reads the text of an amount, enum or date as decoding will, so
// that a refused value is reported with its full path.
func checkLeaf(t reflect.Type, text string) error {
	if t == decimalType {
		_, err := ParseAmount(text)
		return err
	}
	if reflect.PointerTo(t).Implements(textUnmarshaler) {
		return reflect.New(t).Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(text))
	}
	return nil
}

// problemField states a strict-decoding problem as a FieldError.
func problemField(p *strictjson.Problem) FieldError {
	f := FieldError{Field: p.Path}
	switch p.Code {
	case strictjson.Leaf:
		f = decodeProblem(p.Err)
		f.Field = p.Path
	case strictjson.Unknown:
		f.Tag, f.Value = "json_unknown", quote(p.Key)
	case strictjson.Case:
		f.Tag, f.Value, f.Param = "json_case", quote(p.Key), quote(p.Field)
	case strictjson.Duplicate:
		f.Tag, f.Value = "json_duplicate", quote(p.Key)
	case strictjson.Missing:
		f.Tag = "required"
	case strictjson.Null:
		f.Tag = "json_null"
	case strictjson.Type:
		f.Tag = "json_type_" + kindTags[p.Want]
	default:
		f.Tag = "json_syntax"
	}
	return f
}

var kindTags = map[strictjson.Kind]string{
	strictjson.Integer: "integer",
	strictjson.Text:    "text",
	strictjson.List:    "list",
	strictjson.Object:  "object",
	strictjson.Boolean: "bool",
	strictjson.Amount:  "amount",
}

// UnmarshalJSON decodes a capability strictly (see the package doc).
func (c *Capability) UnmarshalJSON(data []byte) error {
	if err := checkStrict[Capability](data); err != nil {
		return err
	}
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
	if err := checkStrict[Producer](data); err != nil {
		return err
	}
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
	if err := checkStrict[Order](data); err != nil {
		return err
	}
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
	if err := checkStrict[Product](data); err != nil {
		return err
	}
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

// leafError is a value a field's own parser refused (an enum, an amount,
// a date), with the path of the field. It is the parser's error.
type leafError struct {
	path string
	err  error
}

func (e *leafError) Error() string { return e.err.Error() }
func (e *leafError) Unwrap() error { return e.err }

// decodeProblem states a decoding error found after the strict check (an
// enum, amount or date a field's own parser refused) as a FieldError
// without Go type names. Field is relative to the element.
func decodeProblem(err error) FieldError {
	var le *leafError
	if errors.As(err, &le) {
		f := decodeProblem(le.err)
		f.Field = le.path
		return f
	}
	var (
		ee *EnumError
		ae *AmountError
		de *DateError
		da *DataError
	)
	switch {
	case errors.As(err, &ee):
		return FieldError{Field: ee.Type, Tag: enumTag(ee.Type), Value: quote(ee.Value)}
	case errors.As(err, &ae):
		return ae.fieldError(ae.Field)
	case errors.As(err, &de):
		return FieldError{Field: "due", Tag: "date", Value: quote(de.Value)}
	case errors.As(err, &da) && len(da.Rows) > 0:
		return da.Rows[0].FieldError
	}
	return FieldError{Tag: "json_syntax"}
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
