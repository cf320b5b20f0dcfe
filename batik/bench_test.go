package batik

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"testing"

	"github.com/go-playground/validator/v10"
)

// bareProducer mirrors Producer with only validator's built-in tags: the
// floor our validation is measured against.
type bareProducer struct {
	ID           string           `validate:"required,alphanumunicode|contains=-,max=64"`
	Name         string           `validate:"required,max=200"`
	NIB          string           `validate:"omitempty,len=13,numeric"`
	Region       string           `validate:"required,min=2,max=13"`
	Capabilities []bareCapability `validate:"min=1,dive"`
}

type bareCapability struct {
	Technique string `validate:"required,oneof=tulis cap kombinasi printing"`
	Grade     string `validate:"required,oneof=halus sedang kasar"`
	PerWeek   int    `validate:"gte=0,lte=2147483647"`
	UnitCost  int64  `validate:"gte=0,lte=100000000"`
}

type bareProduct struct {
	SKU         string `validate:"required,max=50"`
	Name        string `validate:"required,max=70"`
	Description string `validate:"max=2000"`
	Technique   string `validate:"required,oneof=tulis cap kombinasi printing"`
	Motif       string `validate:"max=100"`
	Style       string `validate:"omitempty,oneof=surakarta yogyakarta pekalongan lasem cirebon indramayu madura betawi tuban lainnya"`
	Fabric      string `validate:"omitempty,oneof=primisima prima mori_biru blacu polisima dobby santung paris sutra rayon serat_nanas tenun_gedog"`
	Dye         string `validate:"omitempty,oneof=alam sintetis campuran"`
	Form        string `validate:"omitempty,oneof=kain_panjang sarung selendang kemeja dress blus outer lainnya"`
	Grade       string `validate:"required,oneof=halus sedang kasar"`
	LengthCM    int    `validate:"gte=0,lte=1000"`
	WidthCM     int    `validate:"gte=0,lte=1000"`
	WeightGrams int    `validate:"gt=0,lte=1000000"`
	Price       int64  `validate:"gte=100,lte=100000000"`
	MinOrder    int    `validate:"gte=1,lte=2147483647"`
	GTIN        string `validate:"omitempty,numeric,min=8,max=14"`
	Batikmark   string `validate:"omitempty,oneof=emas putih perak"`
}

func BenchmarkValidate(b *testing.B) {
	bare := validator.New(validator.WithRequiredStructEnabled())
	p := validProducer()
	bp := bareProducer{ID: p.ID, Name: p.Name, NIB: p.NIB, Region: p.Region,
		Capabilities: []bareCapability{{"tulis", "halus", 6, 450000}, {"cap", "sedang", 80, 95000}}}
	pr := validProduct()
	bpr := bareProduct{SKU: pr.SKU, Name: pr.Name, Technique: "cap", Motif: pr.Motif, Style: "surakarta", Fabric: "primisima",
		Dye: "sintetis", Form: "kemeja", Grade: "sedang", LengthCM: 75, WidthCM: 55, WeightGrams: 250, Price: 185000, MinOrder: 1,
		GTIN: pr.GTIN, Batikmark: "putih"}
	if bare.Struct(&bp) != nil || bare.Struct(&bpr) != nil || p.Validate() != nil || pr.Validate() != nil {
		b.Fatal("benchmark records must be valid")
	}
	b.Run("Producer", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := p.Validate(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Producer/bare-validator", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := bare.Struct(&bp); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Product", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := pr.Validate(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Product/bare-validator", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := bare.Struct(&bpr); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkReadProducersCSV(b *testing.B) {
	for _, rows := range []int{10000, 100000} {
		data := producersCSV(rows)
		b.Run(itoa(rows)+"rows", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				ps, err := ReadProducersCSV(bytes.NewReader(data))
				if err != nil || len(ps) != rows/2 {
					b.Fatal(err, len(ps))
				}
			}
		})
		b.Run(itoa(rows)+"rows/unknown-length", func(b *testing.B) {
			// Through a reader that cannot tell its length, as a pipe or a
			// network stream: no presizing.
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				ps, err := ReadProducersCSV(struct{ io.Reader }{bytes.NewReader(data)})
				if err != nil || len(ps) != rows/2 {
					b.Fatal(err, len(ps))
				}
			}
		})
		b.Run(itoa(rows)+"rows/bare-encoding-csv", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				r := csv.NewReader(bytes.NewReader(data))
				r.ReuseRecord = true
				n := 0
				for {
					_, err := r.Read()
					if err == io.EOF {
						break
					}
					if err != nil {
						b.Fatal(err)
					}
					n++
				}
				if n != rows+1 {
					b.Fatal(n)
				}
			}
		})
	}
}

// BenchmarkReadJSONBadItems reads arrays of elements that are not
// producers beside encoding/json decoding the same bytes into an any: the
// goal is within 20 times of it.
func BenchmarkReadJSONBadItems(b *testing.B) {
	const n = 1 << 20
	for _, in := range []struct {
		name string
		data []byte
	}{
		{"numbers", append(append([]byte("["), bytes.Repeat([]byte("1,"), n/2)...), '1', ']')},
		{"empty-objects", append(append([]byte("["), bytes.Repeat([]byte("{},"), n/3)...), '{', '}', ']')},
		{"unknown-keys", append(append([]byte("["), bytes.Repeat([]byte(`{"x":1},`), n/8)...), '{', '}', ']')},
	} {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in.data)))
			for b.Loop() {
				if _, err := ReadProducersJSON(bytes.NewReader(in.data)); err == nil {
					b.Fatal("no error")
				}
			}
		})
		b.Run(in.name+"/encoding-json-any", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in.data)))
			for b.Loop() {
				var v any
				if err := json.Unmarshal(in.data, &v); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
