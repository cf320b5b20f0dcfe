package aql

import "github.com/batikkit/batikkit/internal/msg"

// Lang selects the language of a message: English (also the zero Lang) or
// Indonesian. It is msg.Lang, the module's one language type, so
// pricing.Lang, batik.Lang and aql.Lang are the same type.
type Lang = msg.Lang

// The languages of the package's messages.
const (
	English    = msg.English
	Indonesian = msg.Indonesian
)

// code indexes texts: a code used in the package always has an entry.
type code uint16

const (
	codeLotSize code = iota
	codeAQLSyntax
	codeAQLSeries
	codeAQLZero
	codeAQLBasis
	codeLevel
	codeSeverity
	codeLetter
	codeLetterAtAQL
	codeSwitch
	codeBasis
	codeClass
	codeIDLength
	codeNonconforming
	codeNonconformities
	codeSteadyIrregular
	codeDiscontinued
	codeNotDiscontinued
	codeScoreRange
	codeCountsNegative
	codeScoreNormalOnly
	codeRecentNormalOnly
	codeCountsTightenedOnly
	codeDiscontinuedFromTightened
	codeRecentLength
	codeRecentTwice
	codeRecentLetters
	codeScoreSinceNotAccepted
	codeScorePerLot
	codeDiscontinuedCount
	codeNotAcceptedFive
	codeAcceptedFive
	codeJSONSyntax
	codeJSONUTF8
	codeJSONUnknown
	codeJSONCase
	codeJSONDuplicate
	codeJSONMissing
	codeJSONNull
	codeJSONInteger
	codeJSONText
	codeJSONList
	codeJSONObject
	codeJSONBoolean
	codeNoStates
	codeStatesDiffer
	codeClassTwice
	codeCounts
	codeDate
	codePlanNotTable
	codeVerdict
	codeSampleSize
	codeSampleUnits
	codeQuality
	codeModel
	codeRisk
	codeNoIsolatedPlan
	numCodes
)

// texts is the catalogue of every reason the package gives, in English and
// Indonesian. Placeholders: {0}, {1} are the error's Args.
var texts = [numCodes]msg.Text{
	codeLotSize:                   {Code: "lot_size", EN: "must be between 1 and {0}", ID: "harus antara 1 dan {0}"},
	codeAQLSyntax:                 {Code: "aql_syntax", EN: "not a decimal number such as 2.5", ID: "bukan bilangan desimal seperti 2,5"},
	codeAQLSeries:                 {Code: "aql_series", EN: "not in the preferred series 0.010 ... 1000 of ISO 2859-1 (values are not rounded)", ID: "tidak ada dalam deret pilihan 0,010 ... 1000 ISO 2859-1 (nilai tidak dibulatkan)"},
	codeAQLZero:                   {Code: "aql_zero", EN: "no AQL given (the zero AQL)", ID: "AQL belum diisi (AQL nol)"},
	codeAQLBasis:                  {Code: "aql_basis", EN: "AQLs above 10 are for nonconformities per 100 items only (basis \"nonconformities\")", ID: "AQL di atas 10 hanya untuk ketidaksesuaian per 100 unit (basis \"nonconformities\")"},
	codeLevel:                     {Code: "level", EN: "not an inspection level (I, II, III, S-1 ... S-4)", ID: "bukan tingkat inspeksi (I, II, III, S-1 ... S-4)"},
	codeSeverity:                  {Code: "severity", EN: "not a severity (normal, tightened, reduced)", ID: "bukan tingkat keketatan (normal, diperketat, dikurangi)"},
	codeLetter:                    {Code: "code_letter", EN: "not a sample size code letter A ... R", ID: "bukan huruf kode ukuran sampel A ... R"},
	codeLetterAtAQL:               {Code: "no_plan", EN: "no plan in the table at AQL {0}", ID: "tabel tidak memuat rencana pada AQL {0}"},
	codeSwitch:                    {Code: "switch", EN: "not a switch (to_tightened, to_normal, to_reduced, discontinue)", ID: "bukan perpindahan (to_tightened, to_normal, to_reduced, discontinue)"},
	codeBasis:                     {Code: "basis", EN: "not a basis of counting (items, nonconformities)", ID: "bukan dasar penghitungan (\"items\", \"nonconformities\")"},
	codeClass:                     {Code: "class", EN: "not a class of nonconformity (critical, major, minor)", ID: "bukan kelas ketidaksesuaian (\"critical\", \"major\", \"minor\")"},
	codeIDLength:                  {Code: "id_length", EN: "must be 1 to {0} bytes of UTF-8 text", ID: "harus teks UTF-8 sepanjang 1 sampai {0} bita"},
	codeNonconforming:             {Code: "nonconforming_range", EN: "must be between 0 and the sample size {0}", ID: "harus antara 0 dan ukuran sampel {0}"},
	codeNonconformities:           {Code: "nonconformities_range", EN: "must be between 0 and {0} (100 for each item of the sample)", ID: "harus antara 0 dan {0} (100 untuk setiap unit sampel)"},
	codeSteadyIrregular:           {Code: "steady_irregular", EN: "production cannot be both steady and irregular", ID: "produksi tidak bisa stabil sekaligus tidak teratur"},
	codeDiscontinued:              {Code: "discontinued", EN: "inspection is discontinued (9.4); record corrective action with Resume", ID: "inspeksi dihentikan (9.4); catat tindakan perbaikan dengan Resume"},
	codeNotDiscontinued:           {Code: "not_discontinued", EN: "only a discontinued inspection is resumed", ID: "hanya inspeksi yang dihentikan yang dapat dilanjutkan"},
	codeScoreRange:                {Code: "score_range", EN: "must be between 0 and {0}", ID: "harus antara 0 dan {0}"},
	codeCountsNegative:            {Code: "counts_negative", EN: "lot counts cannot be negative", ID: "jumlah lot tidak boleh negatif"},
	codeScoreNormalOnly:           {Code: "score_normal_only", EN: "a switching score is kept on normal inspection only (9.3.3.2)", ID: "skor perpindahan hanya dicatat pada inspeksi normal (9.3.3.2)"},
	codeRecentNormalOnly:          {Code: "recent_normal_only", EN: "the results of recent lots are kept on normal inspection only (9.3.1)", ID: "hasil lot terakhir hanya dicatat pada inspeksi normal (9.3.1)"},
	codeCountsTightenedOnly:       {Code: "counts_tightened_only", EN: "lot counts are kept on tightened inspection only (9.3.2, 9.4)", ID: "jumlah lot hanya dicatat pada inspeksi diperketat (9.3.2, 9.4)"},
	codeDiscontinuedFromTightened: {Code: "discontinued_from_tightened", EN: "inspection is discontinued only from tightened inspection (9.4)", ID: "inspeksi hanya dihentikan dari inspeksi diperketat (9.4)"},
	codeRecentLength:              {Code: "recent_length", EN: "at most 4 results are kept", ID: "paling banyak 4 hasil disimpan"},
	codeRecentTwice:               {Code: "recent_twice", EN: "2 lots not accepted within 5 would have switched to tightened inspection (9.3.1)", ID: "2 lot tidak diterima dalam 5 lot seharusnya sudah beralih ke inspeksi diperketat (9.3.1)"},
	codeRecentLetters:             {Code: "recent_letters", EN: "only A (accepted) and N (not accepted)", ID: "hanya A (diterima) dan N (tidak diterima)"},
	codeScoreSinceNotAccepted:     {Code: "score_since_not_accepted", EN: "more than 3 points for each lot accepted since the last lot not accepted (9.3.3.2)", ID: "lebih dari 3 poin untuk setiap lot diterima sejak lot terakhir yang tidak diterima (9.3.3.2)"},
	codeScorePerLot:               {Code: "score_per_lot", EN: "more than 3 points for each lot inspected on normal inspection (9.3.3.2)", ID: "lebih dari 3 poin untuk setiap lot yang diperiksa pada inspeksi normal (9.3.3.2)"},
	codeDiscontinuedCount:         {Code: "discontinued_count", EN: "inspection is discontinued when the 5th lot in total since tightened inspection began is not accepted (9.4)", ID: "inspeksi dihentikan ketika lot ke-5 secara keseluruhan sejak inspeksi diperketat dimulai tidak diterima (9.4)"},
	codeNotAcceptedFive:           {Code: "not_accepted_five", EN: "5 lots not accepted on tightened inspection discontinue inspection (9.4)", ID: "5 lot tidak diterima pada inspeksi diperketat menghentikan inspeksi (9.4)"},
	codeAcceptedFive:              {Code: "accepted_five", EN: "5 consecutive lots accepted return to normal inspection (9.3.2)", ID: "5 lot berturut-turut diterima kembali ke inspeksi normal (9.3.2)"},
	codeJSONSyntax:                {Code: "json_syntax", EN: "not well-formed JSON", ID: "JSON tidak tersusun dengan benar"},
	codeJSONUTF8:                  {Code: "json_utf8", EN: "the JSON is not UTF-8 text", ID: "JSON bukan teks UTF-8"},
	codeJSONUnknown:               {Code: "json_unknown", EN: "unknown key", ID: "kunci tidak dikenal"},
	codeJSONCase:                  {Code: "json_case", EN: "unknown key; write it {0}", ID: "kunci tidak dikenal; tulis {0}"},
	codeJSONDuplicate:             {Code: "json_duplicate", EN: "key given twice", ID: "kunci ditulis dua kali"},
	codeJSONMissing:               {Code: "json_missing", EN: "required key missing", ID: "kunci wajib tidak ada"},
	codeJSONNull:                  {Code: "json_null", EN: "null is not a value: give a value (or leave out an optional key)", ID: "null bukan nilai: isi nilainya (atau hapus kunci pilihan)"},
	codeJSONInteger:               {Code: "json_integer", EN: "must be a whole number in range", ID: "harus bilangan bulat dalam rentang"},
	codeJSONText:                  {Code: "json_text", EN: "must be text (a JSON string)", ID: "harus teks (string JSON)"},
	codeJSONList:                  {Code: "json_list", EN: "must be a list (a JSON array)", ID: "harus daftar (larik JSON)"},
	codeJSONObject:                {Code: "json_object", EN: "must be a JSON object", ID: "harus objek JSON"},
	codeJSONBoolean:               {Code: "json_boolean", EN: "must be true or false", ID: "harus true atau false"},
	codeNoStates:                  {Code: "no_states", EN: "give at least one state, one for each class", ID: "berikan minimal satu keadaan, satu untuk setiap kelas"},
	codeStatesDiffer:              {Code: "states_differ", EN: "every class of one lot must have the producer and technique of the first, {0}", ID: "setiap kelas dalam satu lot harus memiliki produsen dan teknik kelas pertama, {0}"},
	codeClassTwice:                {Code: "class_twice", EN: "class given twice", ID: "kelas ditulis dua kali"},
	codeCounts:                    {Code: "counts", EN: "one count for each class: {0} classes", ID: "satu hitungan untuk setiap kelas: {0} kelas"},
	codeDate:                      {Code: "date", EN: "must be a date written YYYY-MM-DD", ID: "harus tanggal dengan format TTTT-BB-HH"},
	codePlanNotTable:              {Code: "plan_not_table", EN: "not the plan ISO 2859-1 gives for code letter {0} and a lot of {1}", ID: "bukan rencana ISO 2859-1 untuk huruf kode {0} dan lot berukuran {1}"},
	codeVerdict:                   {Code: "verdict", EN: "does not follow from the counts and the plans", ID: "tidak sesuai dengan hitungan dan rencananya"},
	codeSampleSize:                {Code: "sample_size", EN: "must be between 1 and the lot size {0}, at most {1}", ID: "harus antara 1 dan ukuran lot {0}, paling banyak {1}"},
	codeSampleUnits:               {Code: "sample_units", EN: "not the units Draw gives for seed {0}", ID: "bukan unit yang diberikan Draw untuk benih {0}"},
	codeQuality:                   {Code: "quality", EN: "must be between 0 and {0} thousandths of a percent", ID: "harus antara 0 dan {0} perseribu persen"},
	codeModel:                     {Code: "model", EN: "not a model of the OC curve (binomial, hypergeometric, poisson) for this basis", ID: "bukan model kurva OC (binomial, hipergeometrik, poisson) untuk dasar penghitungan ini"},
	codeRisk:                      {Code: "risk", EN: "must be between 1 and 999 thousandths", ID: "harus antara 1 dan 999 perseribu"},
	codeNoIsolatedPlan:            {Code: "no_isolated_plan", EN: "no plan of Table 2-A at this AQL protects a lot of {0} at this limiting quality: inspect every unit", ID: "tidak ada rencana Tabel 2-A pada AQL ini yang melindungi lot berukuran {0} pada mutu batas ini: periksa setiap unit"},
}
