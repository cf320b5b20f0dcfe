package batik

import (
	"errors"
	"io"
	"slices"

	"github.com/batikkit/batikkit/internal/msg"
)

// ReadOrdersCSV reads orders from CSV with a header row, one order per row,
// with the zero ReadOptions; it is ReadOrdersCSVWith without the report.
func ReadOrdersCSV(r io.Reader) ([]Order, error) {
	orders, _, err := ReadOrdersCSVWith(r, ReadOptions{})
	return orders, err
}

// ReadOrdersCSVWith reads orders from CSV as opts say, one order per row,
// in the columns OrderColumnNames names (or their Indonesian names); sku and
// due may be absent. due is a date in a form ParseDate reads ("2026-12-24",
// "24/12/2026", "24-12-2026"). Errors, the report and the returned slice
// follow ReadProducersCSVWith; an order ID seen before is reported at the
// later row. O(rows).
func ReadOrdersCSVWith(r io.Reader, opts ReadOptions) ([]Order, ReadReport, error) {
	t, ok := openTable(r, orderCols, []int{ocSKU, ocDue}, opts)
	if !ok {
		return nil, t.report, t.openErr()
	}
	var kept chunked[Order]
	seen := make(map[string]struct{})
	for {
		rec, err := t.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, t.report, err
		}
		o := readOrder(t, rec)
		if !checkOrder(t, &o) {
			continue
		}
		if _, dup := seen[o.ID]; dup {
			t.fail(ocID, fieldErr("", msg.Quote(o.ID), codeDuplicate))
			continue
		}
		seen[o.ID] = struct{}{}
		kept.add(o)
	}
	seen = nil // before the orders are copied out: the map is the reader's largest table
	out := kept.all(nil)
	if t.p.any() {
		return out, t.report, t.p.err()
	}
	return out, t.report, nil
}

// readOrder reads the cells of a row, reporting those it cannot read.
func readOrder(t *table, rec []string) Order {
	o := Order{ID: t.cell(rec, ocID), SKU: t.cell(rec, ocSKU)}
	tech, _ := t.enum(rec, ocTechnique, techniqueSpec)
	o.Technique = Technique(tech)
	g, _ := t.enum(rec, ocMinGrade, gradeSpec)
	o.MinGrade = Grade(g)
	o.Quantity, _ = t.int(rec, ocQuantity)
	if s := t.cell(rec, ocDue); s != "" {
		due, err := ParseDate(s)
		if err != nil {
			t.fail(ocDue, *err.(*FieldError))
		}
		o.Due = due
	}
	return o
}

// checkOrder validates an order read from the current row and reports its
// problems at their cells (once the list is full, it counts the order as
// one). It reports whether the row gave a valid order.
func checkOrder(t *table, o *Order) bool {
	if o.valid() {
		return t.rowBad == 0
	}
	if t.p.full() {
		if t.rowBad == 0 {
			t.p.omitted++
		}
		return false
	}
	var verr *ValidationError
	if errors.As(o.validateAll(), &verr) {
		for _, f := range verr.Fields {
			k := slices.IndexFunc(orderCols, func(c column) bool { return c.key == f.Field })
			if k < 0 {
				k = ocID
			}
			if t.rowBad&(1<<k) == 0 {
				t.rowBad |= 1 << k
				t.add(t.line, t.col(k), f)
			}
		}
	}
	return false
}
