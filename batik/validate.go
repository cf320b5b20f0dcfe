package batik

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/batikkit/batikkit/internal/msg"
	"github.com/batikkit/batikkit/internal/textrule"
	"github.com/go-playground/validator/v10"
	"github.com/shopspring/decimal"
)

// engine is the one *validator.Validate of the package. It is built and
// fully registered on first use and never changed afterwards (validator's
// Register* methods are not safe for concurrent use), so Validate is safe to
// call from many goroutines.
var engine = sync.OnceValue(newEngine)

// decimalParams holds the parsed form of every dmin/dmax parameter used in
// the struct tags of this package, so validation does not parse them again.
var decimalParams = map[string]decimal.Decimal{
	"0":         decimal.Zero,
	"100":       decimal.NewFromInt(MinPrice),
	"100000000": decimal.NewFromInt(MaxPrice),
}

func newEngine() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			return ""
		}
		if name == "" {
			return f.Name
		}
		return name
	})
	str := func(ok func(string) bool) validator.Func {
		return func(fl validator.FieldLevel) bool { return ok(fl.Field().String()) }
	}
	dec := func(ok func(d, param decimal.Decimal) bool) validator.Func {
		return func(fl validator.FieldLevel) bool {
			d, isDec := fl.Field().Interface().(decimal.Decimal)
			p, known := decimalParams[fl.Param()]
			return isDec && known && ok(bounded(d), p)
		}
	}
	custom := map[string]validator.Func{
		"technique":  str(func(s string) bool { return Technique(s).Valid() }),
		"grade":      str(func(s string) bool { return Grade(s).Valid() }),
		"fabric":     str(func(s string) bool { return Fabric(s).Valid() }),
		"dye":        str(func(s string) bool { return Dye(s).Valid() }),
		"form":       str(func(s string) bool { return Form(s).Valid() }),
		"style":      str(func(s string) bool { return Style(s).Valid() }),
		"batikmark":  str(func(s string) bool { return Label(s).Valid() }),
		"nib":        str(ValidNIB),
		"region":     str(ValidRegion),
		"gtin":       str(ValidGTIN),
		"sku":        str(textrule.Ident),
		"ident":      str(textrule.Ident),
		"visible":    str(textrule.Visible),
		"trimmed":    str(textrule.Trimmed),
		"plaintext":  str(textrule.PlainLines),
		"notformula": str(func(s string) bool { return !textrule.FormulaLead(s) }),
		"max_items": func(fl validator.FieldLevel) bool {
			n, err := strconv.Atoi(fl.Param())
			return err == nil && fl.Field().Len() <= n
		},
		"rupiah": func(fl validator.FieldLevel) bool {
			d, ok := fl.Field().Interface().(decimal.Decimal)
			return ok && centsOK(d)
		},
		"dmin": dec(func(d, p decimal.Decimal) bool { return d.Cmp(p) >= 0 }),
		"dmax": dec(func(d, p decimal.Decimal) bool { return d.Cmp(p) <= 0 }),
	}
	for tag, fn := range custom {
		// RegisterValidation fails only on an empty tag or a nil func.
		if err := v.RegisterValidation(tag, fn); err != nil {
			panic("batik: registering " + tag + ": " + err.Error())
		}
	}
	return v
}

// check runs the struct tags of rec (a pointer) and returns its failures
// as FieldErrors; extra holds failures of rules tags cannot express.
func check(rec any, extra []FieldError) error {
	err := engine().Struct(rec)
	var fields []FieldError
	if err != nil {
		var verrs validator.ValidationErrors
		if !errors.As(err, &verrs) {
			// Only an *InvalidValidationError (nil or non-struct) gets
			// here, and every caller passes a non-nil struct pointer.
			return fmt.Errorf("%w: %v", ErrInvalid, err)
		}
		fields = make([]FieldError, 0, len(verrs)+len(extra))
		for _, fe := range verrs {
			fields = append(fields, fromValidator(fe))
		}
	}
	fields = append(fields, extra...)
	if len(fields) == 0 {
		return nil
	}
	return &ValidationError{Fields: fields}
}

// fromValidator states a failed struct tag as a FieldError: its code is
// the tag, its argument the tag's parameter ("0" of gte=0).
func fromValidator(fe validator.FieldError) FieldError {
	path := fe.Namespace()
	if _, rest, ok := strings.Cut(path, "."); ok {
		path = rest // drop the struct's own name: "Producer.capabilities[1].per_week"
	}
	f := FieldError{Field: path, Code: fe.Tag(), Value: valueText(fe.Value())}
	if p := fe.Param(); p != "" {
		f.Args = []string{p}
	}
	if f.Code == texts[codeRequired].Code {
		f.Value = "" // nothing to show
	}
	return f
}

// valueText renders a failing value for a message.
func valueText(v any) string {
	switch x := v.(type) {
	case string:
		return msg.Quote(x)
	case decimal.Decimal:
		return amountText(x)
	case fmt.Stringer:
		return msg.Quote(x.String())
	case int:
		return strconv.Itoa(x)
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.String:
		return msg.Quote(rv.String())
	case reflect.Slice, reflect.Array, reflect.Map:
		return strconv.Itoa(rv.Len())
	}
	return fmt.Sprint(v)
}

// amountText renders a decimal for a message, abbreviated; one whose
// exponent is far from zero as its coefficient and exponent ("1e-4194304"),
// which String would spell out in millions of digits.
func amountText(d decimal.Decimal) string {
	if e := d.Exponent(); e < -64 || e > 64 {
		return msg.Clip(d.Coefficient().String()) + "e" + strconv.Itoa(int(e))
	}
	return msg.Clip(d.String())
}

// Validate checks the capability's own rules (technique known, PerWeek in
// [0, MaxQuantity], UnitCost in [0, MaxUnitCost] with at most 2 decimals).
// The error is a *ValidationError, which wraps ErrInvalid. Safe for
// concurrent use.
func (c Capability) Validate() error {
	if c.valid() {
		return nil
	}
	return c.validateAll()
}

func (c Capability) validateAll() error { return check(&c, nil) }

// Validate checks every rule on p at once: ID (letters, digits, '.', '_',
// '/', '-', at most 64), a Name of UTF-8 text with a visible character, no
// control or direction characters and no formula lead (see the package
// doc, "Text"), NIB (13 digits, optional), Region (Kemendagri code), one to
// MaxCapabilities capabilities, each valid, and no technique named twice
// (found in one pass). The error is a *ValidationError listing every
// failing field; it wraps ErrInvalid. Safe for concurrent use.
func (p Producer) Validate() error {
	if p.valid() {
		return nil
	}
	return p.validateAll()
}

// validateAll is the reflective validation that names every failing field.
func (p Producer) validateAll() error {
	var extra []FieldError
	if len(p.Capabilities) <= MaxCapabilities { // else max_items reports the list
		seen := make(map[Technique]bool, len(p.Capabilities))
		for i, c := range p.Capabilities {
			if c.Technique == "" {
				continue
			}
			if seen[c.Technique] {
				extra = append(extra, fieldErr("capabilities["+strconv.Itoa(i)+"].technique", msg.Quote(string(c.Technique)), codeUnique))
			}
			seen[c.Technique] = true
		}
	}
	return check(&p, extra)
}

// Validate checks o: an ID, a known technique and minimum grade, and a
// Quantity in [1, MaxQuantity]. Due is not checked (capacity.Schedule
// requires it). The error is a *ValidationError; it wraps ErrInvalid.
// Safe for concurrent use.
func (o Order) Validate() error {
	if o.valid() {
		return nil
	}
	return o.validateAll()
}

func (o Order) validateAll() error { return check(&o, nil) }

// Validate checks every rule on p at once: the field limits documented at
// Product, known enum values, GTIN check digit, and the honesty rules: a
// Printing product must not claim to be batik in its name or description
// (tag "notbatik") nor carry a Batikmark label (tag "batikmark_printing"),
// and a Batikmark label must match the technique (tag "batikmark_technique").
// The error is a *ValidationError; it wraps ErrInvalid. Safe for concurrent use.
func (p Product) Validate() error {
	if p.valid() {
		return nil
	}
	return p.validateAll()
}

func (p Product) validateAll() error {
	var extra []FieldError
	if p.Technique == Printing {
		if claim := ClaimsBatik(p.Name); claim != "" {
			extra = append(extra, fieldErr("name", msg.Quote(p.Name), codeNotBatik, claim))
		}
		if claim := ClaimsBatik(p.Description); claim != "" {
			extra = append(extra, fieldErr("description", msg.Quote(p.Description), codeNotBatik, claim))
		}
		if p.Batikmark != NoLabel {
			extra = append(extra, fieldErr("batikmark", msg.Quote(string(p.Batikmark)), codeBatikmarkPrinting))
		}
	} else if p.Batikmark.Valid() && p.Technique.Valid() && p.Batikmark.Technique() != p.Technique {
		extra = append(extra, fieldErr("batikmark", msg.Quote(string(p.Batikmark)), codeBatikmarkTech, string(p.Batikmark.Technique())))
	}
	return check(&p, extra)
}

// batikClaims are the phrases, as word sequences, by which a text presents
// cloth as real batik. Matching is by whole words, case-insensitive, with
// punctuation as a separator, so "Batik-Tulis" matches and "batik capung"
// (a dragonfly motif) does not match "batik cap".
var batikClaims = [][]string{
	{"batik", "tulis"},
	{"batik", "cap"},
	{"batik", "kombinasi"},
	{"batik", "asli"},
	{"batik", "tulis", "asli"},
	{"hand", "drawn", "batik"},
	{"handdrawn", "batik"},
	{"handmade", "batik"},
	{"hand", "made", "batik"},
	{"hand", "stamped", "batik"},
	{"genuine", "batik"},
	{"authentic", "batik"},
	{"real", "batik"},
	{"batik", "canting"},
	{"batik", "handmade"},
	{"batik", "stamped"},
}

// ClaimsBatik returns the first phrase in text that presents the cloth as
// real batik ("batik tulis", "batik cap", "batik kombinasi", "batik asli",
// "hand-drawn batik", "genuine batik" ...), or "" if there is none. Product
// uses it to keep printed imitations from passing as batik. O(len(text)).
func ClaimsBatik(text string) string {
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i := range words {
		for _, claim := range batikClaims {
			if i+len(claim) > len(words) {
				continue
			}
			match := true
			for k, w := range claim {
				if !strings.EqualFold(words[i+k], w) {
					match = false
					break
				}
			}
			if match {
				return strings.Join(claim, " ")
			}
		}
	}
	return ""
}
