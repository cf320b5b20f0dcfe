package pricing

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strconv"

	"github.com/batikkit/batikkit/internal/msg"
	"github.com/batikkit/batikkit/internal/strictjson"
	"github.com/shopspring/decimal"
)

// Decoding JSON is strict for every input type of the package (Quote,
// QuoteLine, Tier, FeeSchedule, Tax):
//
//   - a key must be one of the type's JSON names, exactly: an unknown key, a
//     key in another case ("UNIT_PRICE") and a key given twice are errors,
//     where encoding/json would keep the last one silently;
//   - null is never a value: leave an optional key out instead;
//   - a key without omitempty/omitzero in its tag is required: for a Quote,
//     "lines"; for a line, "sku" and "quantity"; for a tier, both keys; for
//     fees, "name" and "commission"; everything else is optional;
//   - amounts go through ParseDecimal, the machine grammar ("85000.50"; as
//     a JSON string or number), so "1.55e5" or "Rp155.000" is an error, never
//     a guess; rates (FeeSchedule.Commission and PaymentRate) take up to 9
//     decimals;
//   - enums travel as text (RoundingMode "half_up", Tax "ppn").
//
// Errors are *ArgError values wrapping ErrInvalid, with Field the path of
// the value ("lines[2].unit_price") and the value abbreviated; an amount
// that is not one carries the code of ParseDecimal's reason ("exponent").

// checkJSON runs the strict rules on data for the type of v (a pointer).
func checkJSON(data []byte, v any, path string) error {
	p := strictjson.Check(data, reflect.TypeOf(v).Elem(), path, nil)
	if p == nil {
		return nil
	}
	field := p.Path // strictjson cuts a long key in it
	if field == "" {
		field = "value"
	}
	switch p.Code {
	case strictjson.Encoding:
		return argErr(field, "byte "+strconv.FormatInt(p.Offset, 10), codeNotUTF8)
	case strictjson.Unknown:
		return argErr(field, msg.Quote(p.Key), codeUnknownKey)
	case strictjson.Case:
		return argErr(field, msg.Quote(p.Key), codeKeyCase, strconv.Quote(p.Field))
	case strictjson.Duplicate:
		return argErr(field, msg.Quote(p.Key), codeRepeatedKey)
	case strictjson.Missing:
		return argErr(field, "", codeRequired)
	case strictjson.Null:
		return argErr(field, "null", codeNull)
	case strictjson.Type:
		return argErr(field, "", wantCode(p.Want))
	}
	return argErr(field, "", codeBadJSON)
}

// wantCode is the reason of a value that is not of the JSON type k.
func wantCode(k strictjson.Kind) code {
	switch k {
	case strictjson.Integer:
		return codeWantInteger
	case strictjson.Text:
		return codeWantText
	case strictjson.List:
		return codeWantList
	case strictjson.Object:
		return codeWantObject
	case strictjson.Boolean:
		return codeWantBoolean
	case strictjson.Amount:
		return codeWantAmount
	}
	return codeBadJSON
}

// amountJSON reads an amount from its raw JSON (absent gives zero).
func amountJSON(path string, raw json.RawMessage, rate bool) (decimal.Decimal, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return decimal.Decimal{}, nil
	}
	s := string(raw)
	if raw[0] == '"' {
		if err := json.Unmarshal(raw, &s); err != nil {
			return decimal.Decimal{}, argErr(path, "", codeBadJSON)
		}
	}
	parse := ParseDecimal
	if rate {
		parse = parseFraction
	}
	d, err := parse(s)
	if err != nil {
		// The amount's own reason ("exponents are not allowed") is the
		// field's: a wrapped *ParseError would say it twice.
		pe := &ParseError{Value: msg.Quote(s), Code: texts[codeNaN].Code}
		errors.As(err, &pe)
		return decimal.Decimal{}, &ArgError{Field: path, Value: pe.Value, Code: pe.Code, Args: pe.Args, Kind: ErrInvalid}
	}
	return d, nil
}

func decodeErr(path string) error {
	if path == "" {
		path = "value"
	}
	return argErr(path, "", codeBadJSON)
}

// UnmarshalJSON decodes a quote strictly (see "Decoding JSON is strict"
// in this file's package documentation and at Quote).
func (q *Quote) UnmarshalJSON(data []byte) error {
	if err := checkJSON(data, q, ""); err != nil {
		return err
	}
	var aux struct {
		Lines       []json.RawMessage `json:"lines"`
		Discount    json.RawMessage   `json:"discount"`
		Tax         Tax               `json:"tax"`
		TaxIncluded bool              `json:"tax_included"`
		Shipping    json.RawMessage   `json:"shipping"`
		Fees        json.RawMessage   `json:"fees"`
	}
	if err := json.Unmarshal(data, &aux); err != nil {
		var ae *ArgError
		if errors.As(err, &ae) {
			return ae
		}
		return decodeErr("")
	}
	out := Quote{Lines: make([]QuoteLine, len(aux.Lines)), Tax: aux.Tax, TaxIncluded: aux.TaxIncluded}
	for i, raw := range aux.Lines {
		if err := out.Lines[i].decode(raw, index("lines", i)); err != nil {
			return err
		}
	}
	var err error
	if out.Discount, err = amountJSON("discount", aux.Discount, false); err != nil {
		return err
	}
	if out.Shipping, err = amountJSON("shipping", aux.Shipping, false); err != nil {
		return err
	}
	if len(aux.Fees) > 0 {
		out.Fees = new(FeeSchedule)
		if err := out.Fees.decode(aux.Fees, "fees"); err != nil {
			return err
		}
	}
	*q = out
	return nil
}

// UnmarshalJSON decodes a quote line strictly.
func (l *QuoteLine) UnmarshalJSON(data []byte) error {
	if err := checkJSON(data, l, ""); err != nil {
		return err
	}
	return l.decode(data, "")
}

func (l *QuoteLine) decode(data []byte, path string) error {
	var aux struct {
		SKU       string            `json:"sku"`
		Quantity  int               `json:"quantity"`
		UnitPrice json.RawMessage   `json:"unit_price"`
		Tiers     []json.RawMessage `json:"tiers"`
		Discount  json.RawMessage   `json:"discount"`
	}
	if err := json.Unmarshal(data, &aux); err != nil {
		return decodeErr(path)
	}
	out := QuoteLine{SKU: aux.SKU, Quantity: aux.Quantity}
	var err error
	if out.UnitPrice, err = amountJSON(join(path, "unit_price"), aux.UnitPrice, false); err != nil {
		return err
	}
	if out.Discount, err = amountJSON(join(path, "discount"), aux.Discount, false); err != nil {
		return err
	}
	if aux.Tiers != nil {
		out.Tiers = make(Tiers, len(aux.Tiers))
		for i, raw := range aux.Tiers {
			if err := out.Tiers[i].decode(raw, index(join(path, "tiers"), i)); err != nil {
				return err
			}
		}
	}
	*l = out
	return nil
}

// UnmarshalJSON decodes a tier strictly.
func (t *Tier) UnmarshalJSON(data []byte) error {
	if err := checkJSON(data, t, ""); err != nil {
		return err
	}
	return t.decode(data, "")
}

func (t *Tier) decode(data []byte, path string) error {
	var aux struct {
		MinQuantity int             `json:"min_quantity"`
		UnitPrice   json.RawMessage `json:"unit_price"`
	}
	if err := json.Unmarshal(data, &aux); err != nil {
		return decodeErr(path)
	}
	price, err := amountJSON(join(path, "unit_price"), aux.UnitPrice, false)
	if err != nil {
		return err
	}
	*t = Tier{MinQuantity: aux.MinQuantity, UnitPrice: price}
	return nil
}

// UnmarshalJSON decodes a fee schedule strictly; Commission and
// PaymentRate are rates with up to 9 decimals ("0.065").
func (f *FeeSchedule) UnmarshalJSON(data []byte) error {
	if err := checkJSON(data, f, ""); err != nil {
		return err
	}
	return f.decode(data, "")
}

func (f *FeeSchedule) decode(data []byte, path string) error {
	var aux struct {
		Name          string          `json:"name"`
		Commission    json.RawMessage `json:"commission"`
		CommissionCap json.RawMessage `json:"commission_cap"`
		OrderFee      json.RawMessage `json:"order_fee"`
		PaymentRate   json.RawMessage `json:"payment_rate"`
		Rounding      RoundingMode    `json:"rounding"`
	}
	if err := json.Unmarshal(data, &aux); err != nil {
		var ae *ArgError
		if errors.As(err, &ae) {
			c := *ae
			c.Field = join(path, c.Field)
			return &c
		}
		return decodeErr(path)
	}
	out := FeeSchedule{Name: aux.Name, Rounding: aux.Rounding}
	var err error
	if out.Commission, err = amountJSON(join(path, "commission"), aux.Commission, true); err != nil {
		return err
	}
	if out.PaymentRate, err = amountJSON(join(path, "payment_rate"), aux.PaymentRate, true); err != nil {
		return err
	}
	if out.CommissionCap, err = amountJSON(join(path, "commission_cap"), aux.CommissionCap, false); err != nil {
		return err
	}
	if out.OrderFee, err = amountJSON(join(path, "order_fee"), aux.OrderFee, false); err != nil {
		return err
	}
	*f = out
	return nil
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
