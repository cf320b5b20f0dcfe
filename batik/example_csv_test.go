package batik_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/batikkit/batikkit/batik"
)

// A sheet as Excel with Indonesian regional settings saves it: ';' between
// cells, Indonesian column names, amounts with '.' for thousands and ','
// for sen, a notes column and a trailing empty column.
func ExampleReadProducersCSVWith() {
	in := "Kode;Nama;Kode wilayah;Mutu;Teknik;Kapasitas per minggu;Harga satuan;Catatan;\n" +
		"SLO-01;Batik Sekar Jagad;33.72;halus;tulis;6;Rp 450.000;langganan;\n" +
		"SLO-01;;;sedang;cap;80;95.000,50;;\n" +
		"PKL-02;Batik Pagi Sore;33.75;sedang;cap;80;84.5;;\n"
	producers, report, err := batik.ReadProducersCSVWith(strings.NewReader(in), batik.ReadOptions{Ignore: []string{"catatan"}})
	fmt.Printf("separator %q, skipped %q\n", report.Comma, report.Ignored)
	for _, p := range producers {
		for _, c := range p.Capabilities {
			fmt.Println(p.ID, c.Technique, c.Grade, c.PerWeek, c.UnitCost)
		}
	}
	var de *batik.DataError
	if errors.As(err, &de) {
		for _, msg := range de.Messages(batik.Indonesian) {
			fmt.Println(msg)
		}
	}
	// Output:
	// separator ';', skipped ["Catatan" "\"\""]
	// SLO-01 tulis halus 6 450000
	// SLO-01 cap sedang 80 95000.5
	// baris 4, kolom 7: Harga satuan = "84.5": '.' memisahkan ribuan dan harus diikuti tepat 3 angka; pemisah desimal adalah ','
}
