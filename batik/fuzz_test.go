package batik

import (
	"bytes"
	"encoding/json"
	"errors"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

func FuzzTechniqueUnmarshalText(f *testing.F) {
	for _, s := range []string{"tulis", "Batik Cap", "TULIS-CAP", "sablon", "", "ikat", "\xff\xfe", "  batik   tulis  "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fuzzEnum[Technique](t, s, func(v Technique) bool { return v.Valid() })
		fuzzEnum[Grade](t, s, func(v Grade) bool { return v.Valid() })
		fuzzEnum[Fabric](t, s, func(v Fabric) bool { return v.Valid() })
		fuzzEnum[Dye](t, s, func(v Dye) bool { return v.Valid() })
		fuzzEnum[Form](t, s, func(v Form) bool { return v.Valid() })
		fuzzEnum[Style](t, s, func(v Style) bool { return v.Valid() })
		fuzzEnum[Label](t, s, func(v Label) bool { return v.Valid() })
	})
}

// fuzzEnum checks that UnmarshalText never panics, that what it accepts is
// valid (or empty), and that the value survives MarshalText/UnmarshalText.
func fuzzEnum[T ~string](t *testing.T, s string, valid func(T) bool) {
	var v T
	u, ok := any(&v).(interface{ UnmarshalText([]byte) error })
	if !ok {
		t.Fatalf("%T has no UnmarshalText", v)
	}
	if err := u.UnmarshalText([]byte(s)); err != nil {
		return
	}
	if v == "" {
		return
	}
	if !valid(v) {
		t.Fatalf("%q decoded to invalid %T %q", s, v, v)
	}
	m, ok := any(v).(interface{ MarshalText() ([]byte, error) })
	if !ok {
		t.Fatalf("%T has no MarshalText", v)
	}
	b, err := m.MarshalText()
	if err != nil {
		t.Fatal(err)
	}
	var back T
	if err := any(&back).(interface{ UnmarshalText([]byte) error }).UnmarshalText(b); err != nil || back != v {
		t.Fatalf("round trip of %q: %q, %v", v, back, err)
	}
}

func FuzzProducerJSON(f *testing.F) {
	good, _ := json.Marshal(validProducer())
	f.Add(good)
	f.Add([]byte(`{"id":"A","capabilities":[{"technique":"cap","per_week":1e99,"unit_cost":"1e-1000000000"}]}`))
	f.Add([]byte(`{"id":"A","capabilities":[null,{"unit_cost":null}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var p Producer
		if json.Unmarshal(data, &p) != nil {
			return
		}
		if fast, full := p.valid(), p.validateAll(); fast != (full == nil) {
			t.Fatalf("fast check says %t, full validation says %v", fast, full)
		}
		for _, c := range p.Capabilities {
			if fast, full := c.valid(), c.validateAll(); fast != (full == nil) {
				t.Fatalf("capability: fast check says %t, full validation says %v", fast, full)
			}
		}
		if p.Validate() != nil {
			return
		}
		b, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		var back Producer
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("valid producer does not decode again: %v\n%s", err, b)
		}
		if err := back.Validate(); err != nil {
			t.Fatalf("round trip made the producer invalid: %v", err)
		}
		b2, _ := json.Marshal(back)
		if !bytes.Equal(b, b2) {
			t.Fatalf("round trip changed the producer:\n%s\n%s", b, b2)
		}
	})
}

func FuzzProductJSON(f *testing.F) {
	good, _ := json.Marshal(validProduct())
	f.Add(good)
	f.Add([]byte(`{"sku":"A","name":"Batik Tulis","technique":"printing","price":"NaN"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var p Product
		if json.Unmarshal(data, &p) != nil {
			return
		}
		if fast, full := p.valid(), p.validateAll(); fast != (full == nil) {
			t.Fatalf("fast check says %t, full validation says %v", fast, full)
		}
		if p.Validate() != nil {
			return
		}
		b, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		var back Product
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("valid product does not decode again: %v\n%s", err, b)
		}
		if err := back.Validate(); err != nil || !back.Price.Equal(p.Price) {
			t.Fatalf("round trip changed the product: %v", err)
		}
	})
}

func FuzzReadProducersCSV(f *testing.F) {
	f.Add(producersCSV(6))
	f.Add([]byte(header + "A,\"B,,33.72,halus,cap,1,100\n"))
	f.Add([]byte(bom + "id,name\r\nA,B\r\n"))
	f.Add([]byte("Kode;Nama;Wilayah;Mutu;Teknik;Kapasitas per minggu;Harga satuan;\nA;B;33.72;halus;cap;1;\"85.000,50\";\n"))
	f.Add([]byte("id,\"name;x\",nib\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var ps []Producer
		total := allocated(func() { ps, _ = ReadProducersCSV(bytes.NewReader(data)) })
		if limit := 200*uint64(len(data)) + 1<<20; total > limit {
			t.Fatalf("reading %d bytes allocated %d bytes", len(data), total)
		}
		for _, p := range ps {
			if err := p.Validate(); err != nil {
				t.Fatalf("returned an invalid producer: %v", err)
			}
		}
		var buf bytes.Buffer
		if err := WriteProducersCSV(&buf, ps); err != nil {
			t.Fatal(err)
		}
		back, err := ReadProducersCSV(&buf)
		if err != nil {
			t.Fatalf("valid producers do not read back: %v", err)
		}
		if len(back) != len(ps) {
			t.Fatalf("round trip: %d producers became %d", len(ps), len(back))
		}
		for i := range ps {
			a, _ := json.Marshal(ps[i])
			b, _ := json.Marshal(back[i])
			if !bytes.Equal(a, b) {
				t.Fatalf("round trip changed producer %d:\n%s\n%s", i, a, b)
			}
		}
	})
}

func FuzzOrderJSON(f *testing.F) {
	good, _ := json.Marshal(validOrder())
	f.Add(good)
	f.Add([]byte(`{"id":"A B","technique":"Batik Cap","min_grade":"fine","quantity":2147483648}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var o Order
		if json.Unmarshal(data, &o) != nil {
			return
		}
		if fast, full := o.valid(), o.validateAll(); fast != (full == nil) {
			t.Fatalf("fast check says %t, full validation says %v", fast, full)
		}
	})
}

// FuzzReadProducersJSON checks that the JSON reader never panics, returns
// only valid producers, bounds its messages and allocates within a fixed
// multiple of its input.
func FuzzReadProducersJSON(f *testing.F) {
	good, _ := json.Marshal([]Producer{validProducer()})
	f.Add(good)
	f.Add([]byte(`[1,{},null,{"id":"A","id":"B"},{"ID":"x"},[]]`))
	f.Add([]byte(`[{"id":"A","name":"B","region":"33.72","capabilities":[{"technique":"cap","grade":"halus","per_week":1,"unit_cost":"1","UNIT_COST":2}]}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var (
			ps  []Producer
			err error
		)
		total := allocated(func() { ps, err = ReadProducersJSON(bytes.NewReader(data)) })
		if limit := 200*uint64(len(data)) + 1<<20; total > limit {
			t.Fatalf("reading %d bytes allocated %d bytes", len(data), total)
		}
		for _, p := range ps {
			if err := p.Validate(); err != nil {
				t.Fatalf("returned an invalid producer: %v", err)
			}
		}
		if err != nil && len(err.Error()) > 4000 {
			t.Fatalf("message of %d bytes", len(err.Error()))
		}
	})
}

// allocated returns the bytes fn allocates on the heap (no GC forced, so
// it is cheap enough for every fuzz execution).
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// FuzzReadCSVWindows1252 checks the Windows-1252 option: a text that is
// UTF-8 beyond ASCII is refused whole and nothing is read; any other text
// is decoded byte by byte, and a byte the code page leaves undefined is a
// problem at its cell, never a U+FFFD in a record.
func FuzzReadCSVWindows1252(f *testing.F) {
	f.Add([]byte(header + "SLO-01,Batik Süryä Çap – ok,,33.72,halus,tulis,6,450000\n"))
	f.Add([]byte(header + "SLO-01,Batik \x96 Solo,,33.72,halus,tulis,6,450000\n"))
	f.Add([]byte(header + "SLO-01,Batik \x81\xc3\xa9,,33.72,halus,tulis,6,450000\n"))
	f.Add([]byte(header + "SLO-01,Batik \xc3\xa9\x9d,,33.72,halus,tulis,6,450000\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ps, _, err := ReadProducersCSVWith(bytes.NewReader(data), ReadOptions{Windows1252: true})
		var tags []string
		var de *DataError
		if errors.As(err, &de) {
			for _, r := range de.Rows {
				tags = append(tags, r.Code)
			}
		}
		nonASCII := bytes.ContainsFunc(data, func(r rune) bool { return r >= utf8.RuneSelf })
		if utf8.Valid(data) && nonASCII && !slices.Contains(tags, "utf16") {
			if !slices.Equal(tags, []string{"utf8_not_1252"}) || len(ps) != 0 {
				t.Fatalf("UTF-8 text read as Windows-1252: %v, %d producers", tags, len(ps))
			}
			return
		}
		if slices.Contains(tags, "utf8_not_1252") {
			t.Fatalf("text that is not UTF-8 refused as UTF-8")
		}
		undefined := bytes.ContainsAny(data, "\x81\x8d\x8f\x90\x9d")
		if !undefined && slices.Contains(tags, "cp1252") {
			t.Fatalf("an undefined byte reported in text without one")
		}
		for _, p := range ps {
			if strings.ContainsRune(p.ID+p.Name+p.NIB+p.Region, utf8.RuneError) {
				t.Fatalf("U+FFFD in a record read as Windows-1252: %+v", p)
			}
		}
	})
}

// FuzzWriteReadProducersCSV checks the CSV round trip: producers that pass
// Validate, written by WriteProducersCSV, are read back by ReadProducersCSV
// as themselves, without a problem.
func FuzzWriteReadProducersCSV(f *testing.F) {
	f.Add("SLO-01", "Batik Sekar Jagad", "1234567890123", "33.72", 6, int64(45000000), int64(-2), uint8(0))
	f.Add("A", "'=1+1", "", "33", 0, int64(0), int64(0), uint8(5))
	f.Add("B.1", "''-5", "", "33.72.01", 1, int64(1), int64(8), uint8(10))
	f.Add("c/2", "Batik \"Pagi, Sore\"; Pekalongan", "", "33.72.01.1001", 2147483647, int64(950005), int64(-1), uint8(255))
	f.Fuzz(func(t *testing.T, id, name, nib, region string, perWeek int, coef, exp int64, shape uint8) {
		techs, grades := Techniques(), Grades()
		p := Producer{ID: id, Name: name, NIB: nib, Region: region}
		for i := range 1 + int(shape)%4 {
			p.Capabilities = append(p.Capabilities, Capability{
				Technique: techs[(int(shape)/4+i)%4], Grade: grades[(int(shape)/16+i)%3],
				PerWeek: perWeek, UnitCost: decimal.New(coef, int32(exp%40)),
			})
		}
		if p.Validate() != nil {
			return
		}
		second := p
		second.ID += "-2"
		second.Capabilities = p.Capabilities[:1]
		in := []Producer{p, second}
		var buf bytes.Buffer
		if err := WriteProducersCSV(&buf, in); err != nil {
			t.Fatal(err)
		}
		got, err := ReadProducersCSV(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatalf("%v\n%s", err, buf.Bytes())
		}
		if len(got) != len(in) {
			t.Fatalf("%d producers read back as %d", len(in), len(got))
		}
		for i := range in {
			if !sameProducer(in[i], got[i]) {
				t.Fatalf("written %+v\nread    %+v\n%s", in[i], got[i], buf.Bytes())
			}
		}
	})
}

// sameProducer compares producers with their amounts compared as numbers.
func sameProducer(a, b Producer) bool {
	if a.ID != b.ID || a.Name != b.Name || a.NIB != b.NIB || a.Region != b.Region || len(a.Capabilities) != len(b.Capabilities) {
		return false
	}
	for i, c := range a.Capabilities {
		d := b.Capabilities[i]
		if c.Technique != d.Technique || c.Grade != d.Grade || c.PerWeek != d.PerWeek || !c.UnitCost.Equal(d.UnitCost) {
			return false
		}
	}
	return true
}
