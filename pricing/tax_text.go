package pricing

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/batikkit/batikkit/internal/msg"
)

// Text and JSON forms of Tax. The two taxes the package defines travel by
// name: "ppn" (PPN) and "ppn_luxury" (PPNLuxury; "ppnbm" is read too). A
// tax built with NewTax travels in JSON as an object with its name and its
// exact effective rate as a fraction:
//
//	{"name": "PPN DTP 6%", "numerator": 6, "denominator": 100}
//
// The zero Tax (no tax) is "" as text, "none" is read as it too, and a
// Quote leaves it out of JSON.

// taxNames maps the text of the package's taxes to them.
var taxNames = [...]struct {
	text string
	tax  func() Tax
}{
	{"ppn", func() Tax { return PPN }},
	{"ppn_luxury", func() Tax { return PPNLuxury }},
}

// ParseTax returns the tax named s: "ppn" for PPN, "ppn_luxury" (or
// "ppnbm", "PPN Luxury", or the tax's own Name, "PPN 12%") for PPNLuxury,
// and "none" (or "") for the zero Tax, in any case and with '_', '-' or
// spaces between words. Anything else is an *ArgError wrapping ErrInvalid
// that quotes s. A custom tax has no name ParseTax knows; decode it from
// JSON's object form or build it with NewTax. O(len(s)).
func ParseTax(s string) (Tax, error) {
	if len(s) <= 64 {
		key := strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return r == '_' || r == '-' || r == ' '
		}), " ")
		switch key {
		case "", "none", "no tax", "tanpa pajak":
			return Tax{}, nil
		case "ppn", strings.ToLower(PPN.Name()):
			return PPN, nil
		case "ppn luxury", "ppnbm", strings.ToLower(PPNLuxury.Name()):
			return PPNLuxury, nil
		}
	}
	return Tax{}, argErr("tax", msg.Quote(s), codeUnknownTax)
}

// MarshalText returns "ppn" or "ppn_luxury" for the package's taxes and ""
// for the zero Tax. A custom tax is an *ArgError wrapping ErrInvalid: it has
// no name another program could read back (MarshalJSON writes it as an
// object instead).
func (t Tax) MarshalText() ([]byte, error) {
	if t == (Tax{}) {
		return []byte{}, nil
	}
	for _, n := range taxNames {
		if t == n.tax() {
			return []byte(n.text), nil
		}
	}
	return nil, argErr("tax", msg.Quote(t.name), codeCustomTaxText)
}

// UnmarshalText reads what ParseTax reads.
func (t *Tax) UnmarshalText(b []byte) error {
	v, err := ParseTax(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// taxObject is the JSON object form of a custom tax.
type taxObject struct {
	Name        string `json:"name"`
	Numerator   int64  `json:"numerator"`
	Denominator int64  `json:"denominator"`
}

// MarshalJSON writes the package's taxes by name ("ppn") and a custom tax as
// {"name": ..., "numerator": ..., "denominator": ...}, its effective rate in
// lowest terms.
func (t Tax) MarshalJSON() ([]byte, error) {
	if text, err := t.MarshalText(); err == nil {
		return json.Marshal(string(text))
	}
	return json.Marshal(taxObject{Name: t.name, Numerator: t.num, Denominator: t.den})
}

// UnmarshalJSON reads a name ParseTax knows or the object form of a custom
// tax. The object is strict: its three keys are required, no other key is
// allowed, the name must not be blank, and the rate numerator/denominator
// must lie in [0, 1] with a denominator of at most 10^15. Errors are
// *ArgError values wrapping ErrInvalid.
func (t *Tax) UnmarshalJSON(data []byte) error {
	data = bytes.TrimSpace(data)
	if len(data) > 0 && data[0] == '"' {
		var s string
		if err := json.Unmarshal(data, &s); err != nil {
			return argErr("tax", msg.Quote(string(data)), codeBadJSON)
		}
		return t.UnmarshalText([]byte(s))
	}
	if len(data) == 0 || data[0] != '{' {
		return argErr("tax", msg.Quote(string(data)), codeWantTax)
	}
	var o taxObject
	if p := checkJSON(data, &o, "tax"); p != nil {
		return p
	}
	if err := json.Unmarshal(data, &o); err != nil {
		return argErr("tax", msg.Quote(string(data)), codeBadJSON)
	}
	if strings.TrimSpace(o.Name) == "" {
		return argErr("tax.name", msg.Quote(o.Name), codeNotEmpty)
	}
	const maxDen = 1_000_000_000_000_000
	if o.Denominator <= 0 || o.Denominator > maxDen || o.Numerator < 0 || o.Numerator > o.Denominator {
		return argErr("tax", strconv.FormatInt(o.Numerator, 10)+"/"+strconv.FormatInt(o.Denominator, 10), codeTaxRange)
	}
	num, den := reduce(o.Numerator, o.Denominator)
	*t = Tax{name: o.Name, num: num, den: den}
	return nil
}
