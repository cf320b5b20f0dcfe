package batik

const bom = "\ufeff"

// The CSV columns, by their canonical names (the JSON keys):
// ProducerColumnNames and OrderColumnNames return them, fresh slices a
// caller may change. There are no exported tables to overwrite.

// Indices into producerCols: the columns of a producers CSV, in the order
// WriteProducersCSV writes them (id, name, nib, region, grade, technique,
// per_week, unit_cost). ReadProducersCSV accepts them in any order; nib
// may be left out.
const (
	pcID = iota
	pcName
	pcNIB
	pcRegion
	pcGrade
	pcTechnique
	pcPerWeek
	pcUnitCost
	pcCount
)

// Indices into orderCols: the columns of an orders CSV (id, sku, technique,
// min_grade, quantity, due). sku and due may be left out.
const (
	ocID = iota
	ocSKU
	ocTechnique
	ocMinGrade
	ocQuantity
	ocDue
	ocCount
)

// A column of a CSV: its canonical name (the JSON key) and the header
// names people give it, compared after normalise (any case, spaces, '-' or
// '_' between words).
type column struct {
	key     string
	aliases []string
}

// producerCols and orderCols are the readers' tables, indexed by the
// constants above.
var producerCols = []column{
	pcID:        {"id", []string{"kode", "kode produsen", "id produsen"}},
	pcName:      {"name", []string{"nama", "nama produsen", "nama usaha"}},
	pcNIB:       {"nib", []string{"nomor induk berusaha"}},
	pcRegion:    {"region", []string{"wilayah", "kode wilayah"}},
	pcGrade:     {"grade", []string{"mutu", "kualitas"}},
	pcTechnique: {"technique", []string{"teknik"}},
	pcPerWeek:   {"per_week", []string{"kapasitas per minggu", "kapasitas", "per minggu"}},
	pcUnitCost:  {"unit_cost", []string{"harga satuan", "ongkos per potong", "ongkos"}},
}

var orderCols = []column{
	ocID:        {"id", []string{"kode", "kode pesanan", "id pesanan", "nomor pesanan"}},
	ocSKU:       {"sku", []string{"kode produk"}},
	ocTechnique: {"technique", []string{"teknik"}},
	ocMinGrade:  {"min_grade", []string{"mutu minimal", "kualitas minimal", "grade minimal"}},
	ocQuantity:  {"quantity", []string{"jumlah", "jumlah pesanan"}},
	ocDue:       {"due", []string{"tanggal jatuh tempo", "jatuh tempo", "tenggat"}},
}

// columnIndex returns the known column a header cell names, or -1.
func columnIndex(cols []column, cell string) int {
	n := normalise(cell)
	for k, c := range cols {
		if n == normalise(c.key) {
			return k
		}
		for _, a := range c.aliases {
			if n == a {
				return k
			}
		}
	}
	return -1
}

// ProducerColumnNames returns the columns of a producers CSV, in the order
// WriteProducersCSV writes them: a new slice on each call.
func ProducerColumnNames() []string {
	out := make([]string, len(producerCols))
	for i, c := range producerCols {
		out[i] = c.key
	}
	return out
}

// OrderColumnNames returns the columns of an orders CSV: a new slice on
// each call.
func OrderColumnNames() []string {
	out := make([]string, len(orderCols))
	for i, c := range orderCols {
		out[i] = c.key
	}
	return out
}
