package ledgerhttp

import "github.com/batikkit/batikkit/internal/msg"

// The package's message catalogue: the titles of the problem types, the
// reasons of the errors the handler finds itself (headers, query
// parameters, the body's size and type) and the words of the board page,
// in English and Indonesian. The ledger's own errors speak from capacity's
// catalogue. The constants index the table, so a code used in code always
// has an entry; a test checks every entry with msg.Check.

type code uint16

const (
	_ code = iota

	// Titles of the problem types.
	tInvalid
	tOverflow
	tNotFound
	tConflict
	tNoRoom
	tNoCapacity
	tContention
	tRouteNotFound
	tMethod
	tTooLarge
	tNotJSON
	tInternal
	tUnavailable

	// Reasons of the handler's own errors.
	rKeyMissing      // the Idempotency-Key header is missing
	rKeyTwice        // the header is sent more than once
	rKeyString       // a quoted key that is not an RFC 8941 string
	rKeyInBody       // "key" in a booking's body
	rProducersInBody // "producers" in a booking's body
	rTooLarge        // over {0} bytes
	rBodyRead        // the body could not be read
	rNotJSON         // a body that is not application/json
	rNoRoute         // no such route
	rMethod          // not allowed here; allowed: {0}
	rQueryUnknown    // unknown query parameter
	rQueryTwice      // given more than once
	rQueryForm       // a query that does not decode
	rLang            // a language the page is not written in
	rInteger         // must be a whole number
	rRange           // must be in [{0}, {1}]
	rCells           // per_page x weeks over the cap
	rDuration        // must be a duration
	rStoreDown       // the store does not answer
	rCancelled       // the request was cancelled or ran out of time
	rInternal        // the server failed; the error is logged
	rProducerSource  // the server's producer records cannot be used

	// Words of the board page.
	wBoard
	wTechnique
	wAllTechniques
	wWeeks
	wFrom
	wShow
	wProducer
	wTotal
	wTotalPage
	wDelivered
	wConfirmed
	wHeld
	wFree
	wClosed
	wLate
	wOver
	wLegend
	wPage
	wPrevious
	wNext
	wAsOf
	wProducers
	wCellTitle
	wCellClosed
	wBarNote
	wNoProducers
	wLanguage
	wCaption
	wSummary
	wJSON
	wMonths
	wLateCount

	ncodes
)

// texts is the catalogue, indexed by code.
var texts = [ncodes]msg.Text{
	tInvalid:       {Code: "title_invalid", EN: "Invalid input", ID: "Masukan tidak sah"},
	tOverflow:      {Code: "title_overflow", EN: "Number too large to count exactly", ID: "Angka terlalu besar untuk dihitung dengan tepat"},
	tNotFound:      {Code: "title_not_found", EN: "Booking not found", ID: "Pemesanan tidak ditemukan"},
	tConflict:      {Code: "title_conflict", EN: "Conflicts with the booking as it stands", ID: "Bertentangan dengan keadaan pemesanan"},
	tNoRoom:        {Code: "title_no_room", EN: "Capacity below what is booked", ID: "Kapasitas di bawah yang sudah dipesan"},
	tNoCapacity:    {Code: "title_no_capacity", EN: "Not enough free capacity", ID: "Kapasitas kosong tidak cukup"},
	tContention:    {Code: "title_contention", EN: "Busy: try again", ID: "Sedang sibuk: coba lagi"},
	tRouteNotFound: {Code: "title_route_not_found", EN: "Not Found", ID: "Tidak ditemukan"},
	tMethod:        {Code: "title_method", EN: "Method Not Allowed", ID: "Metode tidak diizinkan"},
	tTooLarge:      {Code: "title_too_large", EN: "Content Too Large", ID: "Isi permintaan terlalu besar"},
	tNotJSON:       {Code: "title_not_json", EN: "Unsupported Media Type", ID: "Jenis media tidak didukung"},
	tInternal:      {Code: "title_internal", EN: "Internal Server Error", ID: "Galat internal server"},
	tUnavailable:   {Code: "title_unavailable", EN: "Service Unavailable", ID: "Layanan tidak tersedia"},

	rKeyMissing:      {Code: "idempotency_key_missing", EN: "is required: send an Idempotency-Key header (the order ID is the natural key)", ID: "wajib diisi: kirim header Idempotency-Key (kode pesanan adalah kunci yang wajar)"},
	rKeyTwice:        {Code: "idempotency_key_twice", EN: "must be sent once", ID: "harus dikirim sekali saja"},
	rKeyString:       {Code: "idempotency_key_string", EN: `must be plain text or a string in double quotes (RFC 8941) with only \" and \\ escaped`, ID: `harus teks biasa atau string dalam tanda kutip ganda (RFC 8941) yang hanya meloloskan \" dan \\`},
	rKeyInBody:       {Code: "key_in_body", EN: "comes from the Idempotency-Key header: leave it out of the body", ID: "diambil dari header Idempotency-Key: hapus dari isi permintaan"},
	rProducersInBody: {Code: "producers_in_body", EN: "come from the server's producer records: leave them out of the body", ID: "diambil dari data produsen di server: hapus dari isi permintaan"},
	rTooLarge:        {Code: "too_large", EN: "is over {0} bytes", ID: "lebih dari {0} bita"},
	rBodyRead:        {Code: "body_unreadable", EN: "could not be read to its end", ID: "tidak dapat dibaca sampai habis"},
	rNotJSON:         {Code: "not_json", EN: "must be application/json (charset utf-8, if any)", ID: "harus application/json (dengan charset utf-8, bila ada)"},
	rNoRoute:         {Code: "no_route", EN: "no such route", ID: "rute ini tidak ada"},
	rMethod:          {Code: "method", EN: "is not allowed here; allowed: {0}", ID: "tidak diizinkan di sini; yang diizinkan: {0}"},
	rQueryUnknown:    {Code: "query_unknown", EN: "unknown query parameter; known: {0}", ID: "parameter kueri tidak dikenal; yang dikenal: {0}"},
	rQueryForm:       {Code: "query_form", EN: "is not a well-formed query: write name=value pairs joined by &, percent-encoded (RFC 3986)", ID: "bukan kueri yang tersusun benar: tulis pasangan nama=nilai yang digabung dengan &, dengan pengodean persen (RFC 3986)"},
	rLang:            {Code: "lang", EN: "must be en (English) or id (Indonesian)", ID: "harus en (bahasa Inggris) atau id (bahasa Indonesia)"},
	rQueryTwice:      {Code: "query_twice", EN: "is given more than once", ID: "diberikan lebih dari sekali"},
	rInteger:         {Code: "integer", EN: "must be a whole number", ID: "harus bilangan bulat"},
	rRange:           {Code: "range", EN: "must be in [{0}, {1}]", ID: "harus dalam [{0}, {1}]"},
	rCells:           {Code: "too_many_cells", EN: "times {0} columns makes {1} cells, more than {2}: ask for fewer rows or a shorter span", ID: "dikali {0} kolom menjadi {1} sel, lebih dari {2}: kurangi baris atau perpendek rentangnya"},
	rDuration:        {Code: "duration_form", EN: "must be a duration such as 15m0s or 24h0m0s", ID: "harus lama waktu seperti 15m0s atau 24h0m0s"},
	rStoreDown:       {Code: "store_down", EN: "the store does not answer", ID: "penyimpanan data tidak menjawab"},
	rCancelled:       {Code: "cancelled", EN: "the request was cancelled or ran out of time", ID: "permintaan dibatalkan atau kehabisan waktu"},
	rInternal:        {Code: "internal", EN: "the server could not answer; the error is in its log", ID: "server tidak dapat menjawab; galatnya tercatat di log server"},
	rProducerSource:  {Code: "producer_source", EN: "the server's producer records cannot be used; the error is in its log", ID: "data produsen di server tidak dapat dipakai; galatnya tercatat di log server"},

	wBoard:         {Code: "board", EN: "Campaign board", ID: "Papan kampanye"},
	wTechnique:     {Code: "board_technique", EN: "Technique", ID: "Teknik"},
	wAllTechniques: {Code: "board_all_techniques", EN: "all, summed", ID: "semua, dijumlahkan"},
	wWeeks:         {Code: "board_weeks", EN: "Weeks", ID: "Jumlah minggu"},
	wFrom:          {Code: "board_from", EN: "From week", ID: "Mulai minggu"},
	wShow:          {Code: "board_show", EN: "Show", ID: "Tampilkan"},
	wProducer:      {Code: "board_producer", EN: "Workshop", ID: "Produsen"},
	wTotal:         {Code: "board_total", EN: "Total", ID: "Jumlah"},
	wTotalPage:     {Code: "board_total_page", EN: "Total of this page", ID: "Jumlah halaman ini"},
	wDelivered:     {Code: "board_delivered", EN: "delivered", ID: "diserahkan"},
	wConfirmed:     {Code: "board_confirmed", EN: "confirmed, to deliver", ID: "dikonfirmasi, belum diserahkan"},
	wHeld:          {Code: "board_held", EN: "held", ID: "ditahan"},
	wFree:          {Code: "board_free", EN: "free", ID: "kosong"},
	wClosed:        {Code: "board_closed", EN: "closed", ID: "tutup"},
	wLate:          {Code: "board_late", EN: "late", ID: "terlambat"},
	wOver:          {Code: "board_over", EN: "over capacity", ID: "melebihi kapasitas"},
	wLegend:        {Code: "board_legend", EN: "Legend", ID: "Keterangan"},
	wPage:          {Code: "board_page", EN: "Page {0} of {1}", ID: "Halaman {0} dari {1}"},
	wPrevious:      {Code: "board_previous", EN: "Previous page", ID: "Halaman sebelumnya"},
	wNext:          {Code: "board_next", EN: "Next page", ID: "Halaman berikutnya"},
	wAsOf:          {Code: "board_as_of", EN: "As of {0}", ID: "Keadaan pada {0}"},
	wProducers:     {Code: "board_producers", EN: "{0} workshops", ID: "{0} produsen"},
	wCellTitle:     {Code: "board_cell_title", EN: "{0}, {1}: capacity {2}; delivered {3}, confirmed to deliver {4}, held {5}, free {6}", ID: "{0}, {1}: kapasitas {2}; diserahkan {3}, dikonfirmasi belum diserahkan {4}, ditahan {5}, kosong {6}"},
	wCellClosed:    {Code: "board_cell_closed", EN: "{0}, {1}: closed (capacity 0)", ID: "{0}, {1}: tutup (kapasitas 0)"},
	wBarNote:       {Code: "board_bar_note", EN: "Each bar is a week's capacity; the number under it is pieces taken (held and confirmed) of capacity.", ID: "Setiap batang adalah kapasitas satu minggu; angka di bawahnya adalah potong terpakai (ditahan dan dikonfirmasi) dari kapasitas."},
	wNoProducers:   {Code: "board_no_producers", EN: "No workshops on this page.", ID: "Tidak ada produsen di halaman ini."},
	wLanguage:      {Code: "board_language", EN: "Bahasa Indonesia", ID: "English"},
	wCaption:       {Code: "board_caption", EN: "Pieces per workshop and ISO week, {0} to {1}", ID: "Potong per produsen dan minggu ISO, {0} sampai {1}"},
	wSummary:       {Code: "board_summary", EN: "{0} of {1} pieces taken: {2} delivered, {3} confirmed to deliver, {4} held; {5} free", ID: "{0} dari {1} potong terpakai: {2} diserahkan, {3} dikonfirmasi belum diserahkan, {4} ditahan; {5} kosong"},
	wMonths:        {Code: "board_months", EN: "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec", ID: "Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des"},
	wLateCount:     {Code: "board_late_count", EN: "{0} late: confirmed, not delivered, the week has ended", ID: "{0} terlambat: dikonfirmasi, belum diserahkan, minggunya sudah lewat"},
	wJSON:          {Code: "board_json", EN: "The same board as JSON", ID: "Papan yang sama dalam JSON"},
}

// text returns the entry of c in l with args.
func text(l msg.Lang, c code, args ...string) string { return texts[c].Format(l, args...) }
