package batik_test

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/batikkit/batikkit/batik"
	"github.com/shopspring/decimal"
)

func ExampleProducer_Validate() {
	p := batik.Producer{
		ID: "SLO-01", Name: "Batik Sekar Jagad", NIB: "123456789012", Region: "3372",
		Capabilities: []batik.Capability{
			{Technique: batik.Tulis, Grade: batik.Halus, PerWeek: 6, UnitCost: decimal.NewFromInt(450000)},
			{Technique: batik.Cap, Grade: batik.Sedang, PerWeek: -80, UnitCost: decimal.NewFromInt(95000)},
		},
	}
	var ve *batik.ValidationError
	if errors.As(p.Validate(), &ve) {
		for _, f := range ve.Fields {
			fmt.Println(f.Message(batik.English))
			fmt.Println(f.Message(batik.Indonesian))
		}
	}
	// Output:
	// nib = "123456789012": must be a NIB of exactly 13 digits
	// nib = "123456789012": harus NIB 13 angka
	// region = "3372": must be a Kemendagri region code such as 33.72
	// region = "3372": harus kode wilayah Kemendagri seperti 33.72
	// capabilities[1].per_week = -80: must be at least 0
	// capabilities[1].per_week = -80: minimal 0
}

func ExampleProduct_Validate() {
	p := batik.Product{
		SKU: "KMJ-PRT-01", Name: "Batik Tulis Parang Kemeja", Technique: batik.Printing,
		Grade: batik.Sedang, WeightGrams: 250, Price: decimal.NewFromInt(89000), MinOrder: 1,
	}
	fmt.Println(p.Validate())
	p.Name = "Kemeja Printing Motif Parang"
	fmt.Println(p.Validate())
	// Output:
	// batik: invalid record: name = "Batik Tulis Parang Kemeja": claims "batik tulis" but the technique is printing: printed cloth is tiruan batik (SNI 8184:2015) and must not be sold as batik
	// <nil>
}

func ExampleOrder_Validate() {
	o := batik.Order{ID: "CAMP-2026-12", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 0}
	err := o.Validate()
	fmt.Println(errors.Is(err, batik.ErrInvalid))
	fmt.Println(err)
	// Output:
	// true
	// batik: invalid record: quantity = 0: must be greater than 0
}

func ExampleTechnique_UnmarshalText() {
	for _, s := range []string{"Batik Tulis", "CAP", "tulis-cap", "sablon", "ikat"} {
		var t batik.Technique
		if err := t.UnmarshalText([]byte(s)); err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-12q %-10s batik=%-5t label=%q\n", s, t, t.IsBatik(), t.Label())
	}
	// Output:
	// "Batik Tulis" tulis      batik=true  label="emas"
	// "CAP"        cap        batik=true  label="putih"
	// "tulis-cap"  kombinasi  batik=true  label="perak"
	// "sablon"     printing   batik=false label=""
	// batik: technique = "ikat": unknown technique (want tulis, cap, kombinasi or printing)
}

func ExampleGrade_AtLeast() {
	for _, g := range batik.Grades() {
		fmt.Println(g, g.AtLeast(batik.Sedang))
	}
	// Output:
	// halus true
	// sedang true
	// kasar false
}

func ExampleReadProducersCSV() {
	in := "id,name,nib,region,grade,technique,per_week,unit_cost\n" +
		"SLO-01,Batik Sekar Jagad,1234567890123,33.72,halus,tulis,6,450000\n" +
		"SLO-01,,,,sedang,cap,80,95000\n" +
		"PKL-02,Batik Pagi Sore,,33.75,sedang,cap,1.000,65000\n"
	producers, err := batik.ReadProducersCSV(strings.NewReader(in))
	for _, p := range producers {
		fmt.Println(p.ID, len(p.Capabilities), "capabilities")
	}
	var de *batik.DataError
	if errors.As(err, &de) {
		for _, msg := range de.Messages(batik.Indonesian) {
			fmt.Println(msg)
		}
	}
	// Output:
	// SLO-01 2 capabilities
	// baris 4, kolom 7: per_week = "1.000": harus bilangan bulat tanpa pemisah ribuan
}

func ExampleParseAmount() {
	for _, s := range []string{"85000", "85000.50", "85.000", "1e9"} {
		d, err := batik.ParseAmount(s)
		fmt.Println(d, err)
	}
	// Output:
	// 85000 <nil>
	// 85000.5 <nil>
	// 0 batik: amount = "85.000": more than 2 decimal places
	// 0 batik: amount = "1e9": exponents are not allowed
}

func ExampleValidGTIN() {
	fmt.Println(batik.ValidGTIN("8991234567891"), batik.ValidGTIN("8991234567892"))
	fmt.Println(batik.GTINCheckDigit("899123456789"))
	// Output:
	// true false
	// 1
}

func ExampleClaimsBatik() {
	for _, s := range []string{"Batik Tulis Parang", "Kemeja hand-drawn batik", "Kain printing motif capung"} {
		fmt.Printf("%q -> %q\n", s, batik.ClaimsBatik(s))
	}
	// Output:
	// "Batik Tulis Parang" -> "batik tulis"
	// "Kemeja hand-drawn batik" -> "hand drawn batik"
	// "Kain printing motif capung" -> ""
}

func ExampleReadProducersJSON() {
	in := `[
	{"id":"SLO-01","name":"Batik Sekar Jagad","region":"33.72",
	 "capabilities":[{"technique":"Batik Cap","grade":"Halus","per_week":80,"unit_cost":"95000"}]},
	{"id":"PKL-02","name":"Batik Pagi Sore","region":"33.75",
	 "capabilities":[{"technique":"cap","grade":"sedang","per_week":100,"unit_cost":"1e5"}]}
]`
	producers, err := batik.ReadProducersJSON(strings.NewReader(in))
	for _, p := range producers {
		fmt.Println(p.ID, p.Capabilities[0].Grade, p.Capabilities[0].Technique)
	}
	fmt.Println(err)
	// Output:
	// SLO-01 halus cap
	// batik: bad input data: line 4, column 2: [1].capabilities[0].unit_cost = "1e5": exponents are not allowed
}

func ExampleWriteProducersCSV() {
	p := batik.Producer{ID: "SLO-01", Name: "Batik Sekar Jagad", Region: "33.72",
		Capabilities: []batik.Capability{
			{Technique: batik.Tulis, Grade: batik.Halus, PerWeek: 6, UnitCost: decimal.NewFromInt(450000)},
			{Technique: batik.Cap, Grade: batik.Sedang, PerWeek: 80, UnitCost: decimal.NewFromInt(95000)},
		}}
	if err := batik.WriteProducersCSV(os.Stdout, []batik.Producer{p}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// id,name,nib,region,grade,technique,per_week,unit_cost
	// SLO-01,Batik Sekar Jagad,,33.72,halus,tulis,6,450000
	// SLO-01,Batik Sekar Jagad,,33.72,sedang,cap,80,95000
}
