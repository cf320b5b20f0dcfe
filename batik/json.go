package batik

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"reflect"

	"github.com/batikkit/batikkit/internal/msg"
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

// decodeMirror decodes data, which checkStrict has checked against the
// rules above, into v, a record's unexported mirror (unknown fields stay
// refused, should the mirror and the record ever differ).
func decodeMirror(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// checkStrict runs the strict rules on one record of type T. A value its
// own parser refused (an enum, an amount, a date) is that parser's
// *FieldError with the value's path as its Field; any other problem is a
// *DataError with one RowError, which wraps ErrData.
func checkStrict[T any](data []byte) error {
	p := strictjson.Check(data, reflect.TypeFor[T](), "", checkLeaf)
	if p == nil {
		return nil
	}
	if fe, ok := p.Err.(*FieldError); ok && p.Code == strictjson.Leaf {
		fe.Field = p.Path
		return fe
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
	switch p.Code {
	case strictjson.Encoding:
		return dataErr(p.Path, codeJSONUTF8)
	case strictjson.Leaf:
		f := decodeProblem(p.Err)
		f.Field = p.Path
		return f
	case strictjson.Unknown:
		return dataErr(p.Path, codeJSONUnknown)
	case strictjson.Case:
		return dataErr(p.Path, codeJSONCase, msg.Quote(p.Field))
	case strictjson.Duplicate:
		return dataErr(p.Path, codeJSONDuplicate)
	case strictjson.Missing:
		return dataErr(p.Path, codeRequired)
	case strictjson.Null:
		return dataErr(p.Path, codeJSONNull)
	case strictjson.Type:
		return dataErr(p.Path, typeCode(p.Want))
	}
	return dataErr(p.Path, codeJSONSyntax)
}

// typeCode is the reason of a value that is not of the JSON type k.
func typeCode(k strictjson.Kind) code {
	switch k {
	case strictjson.Integer:
		return codeJSONInteger
	case strictjson.Text:
		return codeJSONText
	case strictjson.List:
		return codeJSONList
	case strictjson.Boolean:
		return codeJSONBool
	case strictjson.Amount:
		return codeJSONAmount
	}
	return codeJSONObject
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
	if err := decodeMirror(data, &aux); err != nil {
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
	if err := decodeMirror(data, &aux); err != nil {
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
	if err := decodeMirror(data, &aux); err != nil {
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
	if err := decodeMirror(data, &aux); err != nil {
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

// decodeProblem states a decoding error as a FieldError without Go type
// names: a value's parser's own error (an enum, an amount, a date), or a
// strict rule broken. Field is relative to the element.
func decodeProblem(err error) FieldError {
	var (
		fe *FieldError
		da *DataError
	)
	switch {
	case errors.As(err, &fe):
		return *fe
	case errors.As(err, &da) && len(da.Rows) > 0:
		return da.Rows[0].FieldError
	}
	return dataErr("", codeJSONSyntax)
}

func joinPath(prefix, field string) string {
	if field == "" {
		return prefix
	}
	return prefix + "." + field
}
