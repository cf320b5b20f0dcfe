package batik

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadProducersCSVIndonesianHeaders(t *testing.T) {
	rows := "SLO-01,Batik Sekar Jagad,1234567890123,33.72,halus,tulis,6,450000\nSLO-01,,,,sedang,cap,80,95000\n"
	for _, h := range []string{
		"ID,Nama,NIB,Wilayah,Kualitas,Teknik,Kapasitas per minggu,Ongkos per potong",
		"kode,NAMA,nib,KODE WILAYAH,mutu,TEKNIK,kapasitas_per_minggu,Harga-Satuan",
		"Kode Produsen, Nama Usaha ,Nomor Induk Berusaha,kode  wilayah,Mutu,Teknik,KAPASITAS  PER  MINGGU,ongkos",
	} {
		ps, err := ReadProducersCSV(strings.NewReader(h + "\n" + rows))
		require.NoError(t, err, h)
		assert.Equal(t, []Producer{validProducer()}, ps, h)
	}
	// An Indonesian name for a column already given in English.
	_, err := ReadProducersCSV(strings.NewReader("id,name,nib,region,grade,technique,per_week,unit_cost,Nama\n"))
	assert.Equal(t, []string{"1:9:name:repeated"}, rowTags(t, err))
	var de *DataError
	require.True(t, errors.As(err, &de))
	assert.Equal(t, `baris 1, kolom 9: Nama: mengulang kolom "name" (kolom yang sama dengan dua nama)`, de.Rows[0].Message(Indonesian))
	// Missing columns are named in both languages.
	_, err = ReadProducersCSV(strings.NewReader("kode,nama,wilayah,mutu,teknik,kapasitas per minggu\n"))
	require.True(t, errors.As(err, &de))
	assert.Equal(t, `baris 1: unit_cost: kolom wajib tidak ada di baris judul (nama lainnya "harga satuan")`, de.Rows[0].Message(Indonesian))
}
