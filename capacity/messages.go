package capacity

import "github.com/batikkit/batikkit/internal/msg"

// The package's message catalogue: every reason an *InputError gives, in
// English and Indonesian. An error carries a code and its arguments;
// Message renders them in the language asked for. The constants index the
// table, so a code used in code always has an entry, and a test checks
// each entry with msg.Check.

type code uint16

const (
	_ code = iota
	// General rules of values.
	cEmpty        // must not be empty
	cRange        // must be in [{0}, {1}]
	cNonNegative  // must be >= 0
	cDefaultOne   // must be >= 0 (0 means 1)
	cAtMost       // must be at most {0}
	cTooLong      // must be at most {0} bytes
	cNotUTF8      // must be valid UTF-8
	cNUL          // must not contain a NUL byte
	cYears        // must be in the years 1 to 9999
	cInvalid      // is not valid (the underlying error says why)
	cTechnique    // unknown technique
	cGrade        // unknown grade
	cPolicy       // unknown policy
	cState        // unknown booking state
	cSkipReason   // unknown skip reason
	cShortReason  // unknown shortfall reason
	cWeekForm     // write an ISO week as YYYY-Www
	cWeekYear     // year must be in [1, 9999]
	cWeekOfYear   // ISO year {0} has weeks 1 to {1}
	cWeekNeeded   // must be a week such as 2026-W50
	cWeekStart    // is not the Monday of week {0}
	cAmountString // must be a JSON string such as "85000.50"
	cAmount       // is not an amount
	cJSONSyntax   // is not well-formed JSON (at byte {0})
	cJSONUnknown  // unknown key
	cJSONCase     // unknown key: write it {0}
	cJSONDuplicate
	cJSONMissing
	cJSONNull
	cJSONInteger
	cJSONText
	cJSONList
	cJSONObject
	cJSONBool
	cTimeForm     // must be a time such as 2026-12-07T09:00:00Z
	cDurationForm // must be a duration such as 15m0s
	cPlainText    // must be text without control or direction characters
	cKeyText      // visible text without control or direction characters
	cProducerID   // batik's rule for IDs

	// Producers and plans.
	cNoCapabilities   // needs at least one capability
	cTechniqueTwice   // is listed twice for one producer
	cUnitCost         // must be in [0, 100000000] with at most 2 decimals
	cProducerRepeated // repeats the ID of producers[{0}]
	cOrderRepeated    // repeats the ID of orders[{0}]
	cIDTwice          // appears twice
	cTooManyProducers // too many producers
	cFromWithFree     // is needed with opts.free
	cFreeAbove        // free capacity of {0} in {1} is above 2147483647
	cTimesWeeks       // times {0} weeks overflows int64
	cFreeSum          // the sum of free capacities overflows int64
	cScheduleFrom     // Schedule needs its first week
	cScheduleDue      // Schedule needs a due date
	cDueBeforeFrom    // is before opts.from {0} begins ({1})
	cDueAfterHorizon  // is more than {0} weeks after opts.from {1}
	cNodes            // the network would have {0} nodes, more than {1}
	cArcs             // the network would have {0} arcs, more than {1}
	cCostTimesPieces  // times the largest unit cost overflows int64
	cCostsTooLarge    // unit costs too large for an exact solution
	cFlowStatus       // internal error: flow status {0}

	// The ledger.
	cKeyNeeded        // pass an idempotency key
	cOrdersEmpty      // must list at least one order
	cProducersEmpty   // must list at least one producer
	cFirstWeek        // must be the first week to book
	cPastYear9999     // from {0} runs past the year 9999
	cDueForMany       // is needed to book several orders together
	cKeyTaken         // is booked already for a different request
	cNotFound         // no booking has this key
	cHoldTaken        // the hold expired and its capacity was taken
	cConfirmState     // only a held booking can be confirmed
	cCancelState      // only a held or confirmed booking can be cancelled
	cDeliverState     // only a confirmed booking takes deliveries
	cRebookState      // only a confirmed booking can be rebooked
	cNoLine           // has no line for order {0} in booking {1}
	cMoreThanLeft     // is more than the {0} left to deliver of {1} booked in {2}
	cRebookOrder      // must include order {0} of booking {1}
	cRebookTechnique  // has technique {0}, its lines {1}
	cQuerySpan        // is more than {0} weeks after query.from {1}
	cQueryReversed    // is before query.from {0}
	cListedProducer   // names producer {0}, which query.producer_ids does not list
	cListedTechnique  // has technique {0}, not query.technique {1}
	cListedWeek       // has week {0}, outside query.from {1} to query.to {2}
	cListedTwice      // is listed twice, also as query.slots[{0}]
	cInspectionState  // is not the inspection state of {0}
	cLotSize          // must be the delivered quantity {0}
	cNotInspectable   // cannot be inspected
	cHoldUntilNeeded  // a held booking expires then
	cHoldWrongState   // a booking in state {0} cannot hold pieces
	cSlotTwice        // lists an order's slot twice
	cDeltaTwice       // slot appears twice
	cDeltaOverflow    // changes a slot by more than 2147483647 pieces
	cDeliveredRange   // must be in [0, quantity {0}]
	cContention       // other bookings took the capacity planned on {0} times
	cChangedTooOften  // the booking kept changing, {0} attempts
	cCalendarChanged  // the calendar changed while the slots were read, {0} times
	cCancelled        // the operation was cancelled
	cMinFillAbove     // is above the quantity of {0}, {1}
	cTooManySlots     // {0} producers x weeks, more than {1}
	cTooManyLines     // the plan has {0} lines, more than {1}
	cKeyDiffers       // key {0} was booked with {1}
	cCallDiffers      // booking {0} took other deliveries under this key
	cDeliveriesEmpty  // must list at least one delivery
	cExtendState      // booking {0}: only a live hold can be extended
	cBelowTaken       // {0} held and confirmed, more than the capacity {1}
	cPageLimit        // must be in [0, {0}] (0 means {1})
	cShortNoTechnique // {0} of {1} pieces ({2} needed): no producer has the technique
	cShortNoGrade
	cShortQualityHold
	cShortDueTooSoon
	cShortNotEnough
	cShortTaken
	cBoardCell        // must be six whole numbers
	cQualityTechnique // must be a technique's canonical text
	cQualityTwice     // repeats the producer and technique of opts.quality[{0}]
	cNoInspection     // booking {0} has no inspected lot under this key
	cCursor           // is not a cursor this ledger made
	cCursorScope      // was made for another filter
	cNoRoom           // {0} held and confirmed, {1} more asked, capacity {2}
	cStale            // version {0} expected, the store has {1}
	cExists           // a booking with this key exists
	cCallExists       // a delivery call with this key exists
	cSlotSums         // would leave {0} held, {1} confirmed and {2} delivered in the slot
	ncodes
)

// texts is the catalogue, indexed by code.
var texts = [ncodes]msg.Text{
	cEmpty:         {Code: "empty", EN: "must not be empty", ID: "tidak boleh kosong"},
	cRange:         {Code: "range", EN: "must be in [{0}, {1}]", ID: "harus dalam [{0}, {1}]"},
	cNonNegative:   {Code: "non_negative", EN: "must be >= 0", ID: "tidak boleh negatif"},
	cDefaultOne:    {Code: "default_one", EN: "must be >= 0 (0 means 1)", ID: "tidak boleh negatif (0 berarti 1)"},
	cAtMost:        {Code: "at_most", EN: "must be at most {0}", ID: "paling banyak {0}"},
	cTooLong:       {Code: "too_long", EN: "must be at most {0} bytes", ID: "paling panjang {0} bita"},
	cNotUTF8:       {Code: "not_utf8", EN: "must be valid UTF-8", ID: "harus berupa UTF-8 yang sah"},
	cNUL:           {Code: "nul", EN: "must not contain a NUL byte", ID: "tidak boleh memuat bita NUL"},
	cYears:         {Code: "years", EN: "must be in the years 1 to 9999 (UTC)", ID: "harus dalam tahun 1 sampai 9999 (UTC)"},
	cInvalid:       {Code: "invalid", EN: "is not valid", ID: "tidak sah"},
	cTechnique:     {Code: "technique", EN: "unknown technique; use tulis, cap, kombinasi or printing", ID: "teknik tidak dikenal; pilihan: tulis, cap, kombinasi, printing"},
	cGrade:         {Code: "grade", EN: "unknown grade", ID: "mutu tidak dikenal"},
	cPolicy:        {Code: "policy", EN: "unknown policy; use proportional, even_share, lowest_cost or fewest_producers", ID: "kebijakan tidak dikenal; pilihan: proportional, even_share, lowest_cost, fewest_producers"},
	cState:         {Code: "state", EN: "unknown booking state; use held, confirmed, cancelled or expired", ID: `status pemesanan tidak dikenal; pilihan: "held", "confirmed", "cancelled", "expired"`},
	cSkipReason:    {Code: "skip_reason", EN: "unknown skip reason", ID: "alasan dilewati tidak dikenal"},
	cShortReason:   {Code: "short_reason", EN: "unknown shortfall reason", ID: "alasan kekurangan tidak dikenal"},
	cWeekForm:      {Code: "week_form", EN: "write an ISO week as YYYY-Www, e.g. 2026-W49", ID: "tulis minggu ISO sebagai TTTT-Wmm, misalnya 2026-W49"},
	cWeekYear:      {Code: "week_year", EN: "year must be in [1, 9999]", ID: "tahun harus dalam [1, 9999]"},
	cWeekOfYear:    {Code: "week_of_year", EN: "ISO year {0} has weeks 1 to {1}", ID: "tahun ISO {0} punya minggu 1 sampai {1}"},
	cWeekNeeded:    {Code: "week_needed", EN: "must be a week such as 2026-W50", ID: "harus minggu ISO, misalnya 2026-W50"},
	cWeekStart:     {Code: "week_start", EN: "is not the Monday of week {0}", ID: "bukan hari Senin minggu {0}"},
	cAmountString:  {Code: "amount_string", EN: `must be a JSON string such as "85000.50"`, ID: `harus string JSON seperti "85000.50"`},
	cAmount:        {Code: "amount", EN: "is not an amount", ID: "bukan jumlah uang"},
	cJSONSyntax:    {Code: "json_syntax", EN: "is not well-formed JSON (at byte {0})", ID: "bukan JSON yang tersusun dengan benar (pada bita {0})"},
	cJSONUnknown:   {Code: "json_unknown", EN: "unknown key", ID: "kunci tidak dikenal"},
	cJSONCase:      {Code: "json_case", EN: "unknown key: write it {0}", ID: "kunci tidak dikenal: tulis {0}"},
	cJSONDuplicate: {Code: "json_duplicate", EN: "the key appears more than once", ID: "kunci muncul lebih dari sekali"},
	cJSONMissing:   {Code: "json_missing", EN: "is required", ID: "wajib diisi"},
	cJSONNull:      {Code: "json_null", EN: "null is not a value: leave the key out or give a value", ID: "null bukan nilai: hapus kuncinya atau isi nilainya"},
	cJSONInteger:   {Code: "json_integer", EN: "must be a whole number", ID: "harus bilangan bulat"},
	cJSONText:      {Code: "json_text", EN: "must be text (a JSON string)", ID: "harus teks (string JSON)"},
	cJSONList:      {Code: "json_list", EN: "must be a list (a JSON array)", ID: "harus daftar (larik JSON)"},
	cJSONObject:    {Code: "json_object", EN: "must be a JSON object", ID: "harus objek JSON"},
	cJSONBool:      {Code: "json_bool", EN: "must be true or false", ID: "harus true atau false"},
	cTimeForm:      {Code: "time_form", EN: "must be a time such as 2026-12-07T09:00:00Z (RFC 3339)", ID: "harus waktu seperti 2026-12-07T09:00:00Z (RFC 3339)"},
	cDurationForm:  {Code: "duration_form", EN: "must be a duration such as 15m0s or 24h0m0s", ID: "harus lama waktu seperti 15m0s atau 24h0m0s"},
	cPlainText:     {Code: "plain_text", EN: "must be UTF-8 text without control or direction characters", ID: "harus teks UTF-8 tanpa karakter kendali atau pengarah teks"},
	cKeyText:       {Code: "key_text", EN: "must be visible UTF-8 text without control or direction characters", ID: "harus teks UTF-8 yang terlihat, tanpa karakter kendali atau pengarah teks"},
	cProducerID:    {Code: "producer_id", EN: "may hold only letters, digits and . _ / - and must start with a letter or digit (at most 64)", ID: "hanya boleh berisi huruf, angka, dan . _ / - serta diawali huruf atau angka (paling banyak 64)"},

	cNoCapabilities:   {Code: "no_capabilities", EN: "needs at least one capability (as Producer.Validate requires)", ID: "harus punya minimal satu kemampuan (seperti syarat Producer.Validate)"},
	cTechniqueTwice:   {Code: "technique_twice", EN: "is listed twice for one producer", ID: "tercantum dua kali untuk satu produsen"},
	cUnitCost:         {Code: "unit_cost", EN: "must be in [0, 100000000] with at most 2 decimals", ID: "harus dalam [0, 100000000] dengan paling banyak 2 desimal"},
	cProducerRepeated: {Code: "producer_repeated", EN: "repeats the ID of producers[{0}]", ID: "mengulang kode producers[{0}]"},
	cOrderRepeated:    {Code: "order_repeated", EN: "repeats the ID of orders[{0}]", ID: "mengulang kode orders[{0}]"},
	cIDTwice:          {Code: "id_twice", EN: "appears twice", ID: "muncul dua kali"},
	cTooManyProducers: {Code: "too_many_producers", EN: "too many producers", ID: "terlalu banyak produsen"},
	cFromWithFree:     {Code: "from_with_free", EN: "is needed with opts.free: the first week to plan on", ID: "wajib diisi bersama opts.free: minggu pertama rencana"},
	cFreeAbove:        {Code: "free_above", EN: "free capacity of {0} in {1} is above 2147483647", ID: "kapasitas kosong {0} pada {1} lebih dari 2147483647"},
	cTimesWeeks:       {Code: "times_weeks", EN: "times {0} weeks overflows int64", ID: "dikali {0} minggu terlalu besar untuk dihitung dengan tepat"},
	cFreeSum:          {Code: "free_sum", EN: "the sum of free capacities overflows int64", ID: "jumlah kapasitas kosong terlalu besar untuk dihitung dengan tepat"},
	cScheduleFrom:     {Code: "schedule_from", EN: "Schedule needs its first week", ID: "Schedule memerlukan minggu pertamanya"},
	cScheduleDue:      {Code: "schedule_due", EN: "Schedule needs a due date", ID: "Schedule memerlukan tanggal jatuh tempo"},
	cDueBeforeFrom:    {Code: "due_before_from", EN: "is before opts.from {0} begins ({1})", ID: "sebelum opts.from {0} dimulai ({1})"},
	cDueAfterHorizon:  {Code: "due_after_horizon", EN: "is more than {0} weeks after opts.from {1}", ID: "lebih dari {0} minggu setelah opts.from {1}"},
	cNodes:            {Code: "nodes", EN: "the network would have {0} nodes, more than {1}: fewer producers or orders per call, or a shorter horizon", ID: "jaringan akan berisi {0} simpul, lebih dari {1}: kurangi produsen atau pesanan per panggilan, atau perpendek rentang minggu"},
	cArcs:             {Code: "arcs", EN: "the network would have {0} arcs, more than {1}: shorten the horizon (due dates) or split the problem", ID: "jaringan akan berisi {0} busur, lebih dari {1}: perpendek rentang minggu (tanggal jatuh tempo) atau bagi masalahnya"},
	cCostTimesPieces:  {Code: "cost_times_pieces", EN: "times the largest unit cost overflows int64", ID: "dikali ongkos terbesar terlalu besar untuk dihitung dengan tepat"},
	cCostsTooLarge:    {Code: "costs_too_large", EN: "unit costs too large for an exact solution", ID: "ongkos per potong terlalu besar untuk penyelesaian yang tepat"},
	cFlowStatus:       {Code: "flow_status", EN: "internal error: flow status {0}", ID: "galat internal: status aliran {0}"},

	cKeyNeeded:        {Code: "key_needed", EN: "must not be empty: pass an idempotency key (the order ID is the natural one)", ID: "tidak boleh kosong: isi kunci idempotensi (kode pesanan adalah pilihan yang wajar)"},
	cOrdersEmpty:      {Code: "orders_empty", EN: "must list at least one order", ID: "harus berisi minimal satu pesanan"},
	cProducersEmpty:   {Code: "producers_empty", EN: "must list at least one producer", ID: "harus berisi minimal satu produsen"},
	cFirstWeek:        {Code: "first_week", EN: "must be the first week to book, such as 2026-W50", ID: "harus minggu pertama pemesanan, misalnya 2026-W50"},
	cPastYear9999:     {Code: "past_year_9999", EN: "from {0} runs past the year 9999", ID: "mulai {0} melewati tahun 9999"},
	cDueForMany:       {Code: "due_for_many", EN: "is needed to book several orders together", ID: "wajib diisi untuk memesan beberapa pesanan sekaligus"},
	cKeyTaken:         {Code: "key_taken", EN: "is booked already for a different request", ID: "sudah dipakai untuk permintaan lain"},
	cNotFound:         {Code: "not_found", EN: "no booking has this key", ID: "tidak ada pemesanan dengan kunci ini"},
	cHoldTaken:        {Code: "hold_taken", EN: "the hold expired and its capacity was taken", ID: "masa tahan sudah habis dan kapasitasnya sudah terpakai"},
	cConfirmState:     {Code: "confirm_state", EN: "booking {0}: only a held booking can be confirmed", ID: `pemesanan {0}: hanya pemesanan berstatus "held" yang dapat dikonfirmasi`},
	cCancelState:      {Code: "cancel_state", EN: "booking {0}: only a held or confirmed booking can be cancelled", ID: `pemesanan {0}: hanya pemesanan berstatus "held" atau "confirmed" yang dapat dibatalkan`},
	cDeliverState:     {Code: "deliver_state", EN: "booking {0}: only a confirmed booking takes deliveries", ID: `pemesanan {0}: hanya pemesanan berstatus "confirmed" yang dapat menerima penyerahan`},
	cRebookState:      {Code: "rebook_state", EN: "booking {0}: only a confirmed booking can be rebooked", ID: `pemesanan {0}: hanya pemesanan berstatus "confirmed" yang dapat dipindahkan`},
	cNoLine:           {Code: "no_line", EN: "has no line for order {0} in booking {1}", ID: "tidak punya baris untuk pesanan {0} dalam pemesanan {1}"},
	cMoreThanLeft:     {Code: "more_than_left", EN: "is more than the {0} left to deliver of {1} booked in {2}", ID: "lebih dari sisa {0} yang belum diserahkan dari {1} yang dipesan di {2}"},
	cRebookOrder:      {Code: "rebook_order", EN: "must include order {0} of booking {1}: it has late lines", ID: "harus memuat pesanan {0} dari pemesanan {1}: ada baris yang terlambat"},
	cRebookTechnique:  {Code: "rebook_technique", EN: "has technique {0}, its lines {1}", ID: "berteknik {0}, baris-barisnya {1}"},
	cQuerySpan:        {Code: "query_span", EN: "is more than {0} weeks after query.from {1}", ID: "lebih dari {0} minggu setelah query.from {1}"},
	cQueryReversed:    {Code: "query_reversed", EN: "is before query.from {0}", ID: "sebelum query.from {0}"},
	cListedProducer:   {Code: "query_slot_producer", EN: "names producer {0}, which query.producer_ids does not list", ID: "menyebut produsen {0}, yang tidak tercantum di query.producer_ids"},
	cListedTechnique:  {Code: "query_slot_technique", EN: "has technique {0}, not query.technique {1}", ID: "berteknik {0}, bukan query.technique {1}"},
	cListedWeek:       {Code: "query_slot_week", EN: "has week {0}, outside query.from {1} to query.to {2}", ID: "minggu {0} di luar query.from {1} sampai query.to {2}"},
	cListedTwice:      {Code: "query_slot_twice", EN: "is listed twice, also as query.slots[{0}]", ID: "tercantum dua kali, juga sebagai query.slots[{0}]"},
	cInspectionState:  {Code: "inspection_state", EN: "is not the inspection state of {0}", ID: "bukan status inspeksi untuk {0}"},
	cLotSize:          {Code: "lot_size", EN: "must be the delivered quantity {0}", ID: "harus sama dengan jumlah yang diserahkan, {0}"},
	cNotInspectable:   {Code: "not_inspectable", EN: "cannot be inspected", ID: "tidak dapat diinspeksi"},
	cHoldUntilNeeded:  {Code: "hold_until_needed", EN: "must not be empty: a held booking expires then", ID: `tidak boleh kosong: pemesanan berstatus "held" berakhir pada waktu itu`},
	cHoldWrongState:   {Code: "hold_wrong_state", EN: "a booking in state {0} cannot hold pieces", ID: "pemesanan berstatus {0} tidak dapat menahan potongan"},
	cSlotTwice:        {Code: "slot_twice", EN: "lists an order's slot twice", ID: "mencantumkan slot satu pesanan dua kali"},
	cDeltaTwice:       {Code: "delta_twice", EN: "slot appears twice", ID: "slot muncul dua kali"},
	cDeltaOverflow:    {Code: "delta_overflow", EN: "changes a slot by more than 2147483647 pieces", ID: "mengubah satu slot lebih dari 2147483647 potong"},
	cDeliveredRange:   {Code: "delivered_range", EN: "must be in [0, quantity {0}]", ID: "harus dalam [0, jumlah {0}]"},
	cContention:       {Code: "contention", EN: "other bookings took the capacity planned on {0} times", ID: "kapasitas yang direncanakan diambil pemesanan lain sebanyak {0} kali"},
	cChangedTooOften:  {Code: "changed_too_often", EN: "the booking kept changing, {0} attempts", ID: "pemesanan terus berubah, {0} percobaan"},
	cCalendarChanged:  {Code: "calendar_changed", EN: "the calendar changed while the slots were read, {0} times", ID: "kalender berubah selama slot dibaca, {0} kali"},
	cCursor:           {Code: "cursor", EN: "is not a cursor this ledger made: pass the next cursor of the page before", ID: "bukan kursor buatan ledger ini: isi kursor berikutnya dari halaman sebelumnya"},
	cCursorScope:      {Code: "cursor_scope", EN: "was made for another filter: keep the order, producer and state of the first page", ID: "dibuat untuk saringan lain: gunakan pesanan, produsen dan status halaman pertama"},
	cNoRoom:           {Code: "no_room", EN: "{0} held and confirmed, {1} more asked, capacity {2}", ID: "{0} ditahan dan dikonfirmasi, diminta {1} lagi, kapasitas {2}"},
	cStale:            {Code: "stale", EN: "version {0} expected, the store has {1}", ID: "diharapkan versi {0}, tersimpan versi {1}"},
	cExists:           {Code: "exists", EN: "a booking with this key exists", ID: "sudah ada pemesanan dengan kunci ini"},
	cCallExists:       {Code: "call_exists", EN: "a delivery call with this key exists", ID: "sudah ada panggilan penyerahan dengan kunci ini"},
	cSlotSums:         {Code: "slot_sums", EN: "would leave {0} held, {1} confirmed and {2} delivered in the slot", ID: "akan menyisakan {0} ditahan, {1} dikonfirmasi dan {2} diserahkan di slot itu"},
	cMinFillAbove:     {Code: "min_fill_above", EN: "is above the quantity of {0}, {1}", ID: "melebihi jumlah {0}, yaitu {1}"},
	cTooManySlots:     {Code: "too_many_slots", EN: "is {0} producer-weeks, more than MaxProducerWeeks ({1}): fewer producers or weeks per request", ID: "berisi {0} produsen-minggu, lebih dari MaxProducerWeeks ({1}): kurangi produsen atau minggu per permintaan"},
	cTooManyLines:     {Code: "too_many_lines", EN: "the plan has {0} lines, more than {1}: split the request", ID: "rencananya berisi {0} baris, lebih dari {1}: bagi permintaannya"},
	cKeyDiffers:       {Code: "key_differs", EN: "key {0} was booked with {1}: a different request", ID: "kunci {0} sudah dipesan dengan {1}: permintaan lain"},
	cCallDiffers:      {Code: "call_differs", EN: "booking {0} took other deliveries under this key", ID: "pemesanan {0} sudah menerima penyerahan lain dengan kunci ini"},
	cDeliveriesEmpty:  {Code: "deliveries_empty", EN: "must list at least one delivery", ID: "harus berisi minimal satu penyerahan"},
	cExtendState:      {Code: "extend_state", EN: "booking {0}: only a live hold can be extended", ID: "pemesanan {0}: hanya masa tahan yang masih berlaku yang dapat diperpanjang"},
	cBelowTaken:       {Code: "below_taken", EN: "{0} held and confirmed, more than the capacity {1}: cancel or rebook them first", ID: "{0} ditahan dan dikonfirmasi, lebih dari kapasitas {1}: batalkan atau pindahkan dulu"},
	cPageLimit:        {Code: "page_limit", EN: "must be in [0, {0}] (0 means {1})", ID: "harus dalam [0, {0}] (0 berarti {1})"},
	cShortNoTechnique: {Code: "short_no_technique", EN: "gets {0} of {1} pieces, {2} needed: no producer has the technique", ID: "mendapat {0} dari {1} potong, perlu {2}: tidak ada produsen dengan teknik itu"},
	cShortNoGrade:     {Code: "short_no_grade", EN: "gets {0} of {1} pieces, {2} needed: no producer works at the grade", ID: "mendapat {0} dari {1} potong, perlu {2}: tidak ada produsen dengan mutu itu"},
	cShortQualityHold: {Code: "short_quality_hold", EN: "gets {0} of {1} pieces, {2} needed: every producer able is on quality hold", ID: "mendapat {0} dari {1} potong, perlu {2}: semua produsen yang mampu sedang ditahan karena mutu"},
	cShortDueTooSoon:  {Code: "short_due_too_soon", EN: "gets {0} of {1} pieces, {2} needed: due before the first week ends", ID: "mendapat {0} dari {1} potong, perlu {2}: jatuh tempo sebelum minggu pertama selesai"},
	cShortNotEnough:   {Code: "short_not_enough", EN: "gets {0} of {1} pieces, {2} needed: not enough capacity on time", ID: "mendapat {0} dari {1} potong, perlu {2}: kapasitas tepat waktu tidak cukup"},
	cShortTaken:       {Code: "short_taken", EN: "gets {0} of {1} pieces, {2} needed: the capacity is taken by other bookings", ID: "mendapat {0} dari {1} potong, perlu {2}: kapasitasnya sudah dipakai pemesanan lain"},
	cBoardCell:        {Code: "board_cell", EN: "must be six whole numbers: capacity, held, confirmed, delivered, free, late", ID: "harus enam bilangan bulat: kapasitas, ditahan, dikonfirmasi, diserahkan, kosong, terlambat"},
	cQualityTechnique: {Code: "quality_technique", EN: "must be a technique's canonical text: tulis, cap, kombinasi or printing", ID: "harus teks baku sebuah teknik: tulis, cap, kombinasi atau printing"},
	cQualityTwice:     {Code: "quality_twice", EN: "repeats the producer and technique of opts.quality[{0}]", ID: "mengulang produsen dan teknik opts.quality[{0}]"},
	cNoInspection:     {Code: "no_inspection", EN: "booking {0} has no inspected lot under this call key", ID: "pemesanan {0} tidak punya lot yang diinspeksi dengan kunci panggilan ini"},
	cCancelled:        {Code: "cancelled", EN: "the operation was cancelled or ran out of time", ID: "operasi dibatalkan atau kehabisan waktu"},
}

// shortCode is the reason of an order that falls short, for ErrNoCapacity.
func shortCode(r ShortReason) code {
	switch r {
	case NoProducerWithTechnique:
		return cShortNoTechnique
	case NoProducerAtGrade:
		return cShortNoGrade
	case AllOnQualityHold:
		return cShortQualityHold
	case DueTooSoon:
		return cShortDueTooSoon
	case CapacityTaken:
		return cShortTaken
	}
	return cShortNotEnough
}
