package ledgerhttp

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/batikkit/batikkit/capacity"
	"github.com/batikkit/batikkit/internal/msg"
)

// A cell of the board page: its class, its numbers, its bar, its label
// and its text alternative, from one capacity.BoardCell.

// cellView is one cell: its class, its numbers as the JSON board writes
// them, its bar, its label and its text alternative.
type cellView struct {
	Class, Data  string
	Bar          template.HTML // the bar's rectangles: fixed classes and numbers only
	Label, Title string
	Late         int
	LateTitle    string
}

// cellOf renders one cell: who and when name it in its text alternative.
func cellOf(l msg.Lang, c capacity.BoardCell, closed bool, who, when string, now, total bool) cellView {
	taken := c.Held + c.Confirmed
	toDeliver := c.Confirmed - c.Delivered
	shut := closed && taken == 0
	v := cellView{Late: c.Late}
	v.Data = strconv.Itoa(c.Capacity) + "," + strconv.Itoa(c.Held) + "," + strconv.Itoa(c.Confirmed) + "," +
		strconv.Itoa(c.Delivered) + "," + strconv.Itoa(c.Free) + "," + strconv.Itoa(c.Late)
	class := []string{"c"}
	over := taken > c.Capacity
	if shut {
		class = append(class, "closed")
		v.Label = text(l, wClosed)
		v.Title = text(l, wCellClosed, who, when)
		v.Bar = closedBar
	} else {
		v.Label = group(l, taken) + "/" + group(l, c.Capacity)
		v.Title = text(l, wCellTitle, who, when, group(l, c.Capacity), group(l, c.Delivered), group(l, toDeliver), group(l, c.Held), group(l, c.Free))
		v.Bar = bar(c.Delivered, toDeliver, c.Held, max(c.Capacity, taken, 1))
	}
	if c.Late > 0 {
		class = append(class, "late")
		v.LateTitle = text(l, wLateCount, group(l, c.Late))
		v.Title += "; " + v.LateTitle
	}
	if over {
		class = append(class, "over")
		v.Title += "; " + text(l, wOver)
	}
	if now {
		class = append(class, "now")
	}
	if total {
		class = append(class, "tot")
	}
	v.Class = strings.Join(class, " ")
	return v
}

// closedBar is the bar of a closed week.
const closedBar = template.HTML(`<rect class="x" width="100%" height="100%"/>`)

// bar draws delivered, confirmed to deliver and held pieces over the free
// bar, each as a percentage of scale. It writes fixed class names and
// numbers only, so it needs no escaping.
func bar(delivered, toDeliver, held, scale int) template.HTML {
	b := make([]byte, 0, 200)
	b = append(b, `<rect class="f" width="100%" height="100%"/>`...)
	ends := [...]int{permille(delivered, scale), permille(delivered+toDeliver, scale), permille(delivered+toDeliver+held, scale)}
	x := 0
	for i, end := range ends {
		if end > x {
			b = append(b, `<rect class="`...)
			b = append(b, "dch"[i])
			b = append(b, `" x="`...)
			b = appendPermille(b, x)
			b = append(b, `%" width="`...)
			b = appendPermille(b, end-x)
			b = append(b, `%" height="100%"/>`...)
		}
		x = end
	}
	return template.HTML(b)
}

// appendPermille writes thousandths as a percentage: "12.5".
func appendPermille(b []byte, pm int) []byte {
	b = strconv.AppendInt(b, int64(pm/10), 10)
	return append(b, '.', byte('0'+pm%10))
}

// permille is n of scale in thousandths, rounded half up.
func permille(n, scale int) int { return (n*1000 + scale/2) / scale }

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// group writes n with thousands grouped as l writes them: 1,200 in
// English, 1.200 in Indonesian.
func group(l msg.Lang, n int) string {
	s := strconv.Itoa(n)
	sep := ","
	if l == msg.Indonesian {
		sep = "."
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	return b.String()
}
