package gazetteer

import (
	"fmt"
	"os/exec"
	"strings"
	"testing"
)

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"الولايات المتحده", "ولايات متحده"},
		{"مصر", "مصر"},
		{"  المملكه   العربيه السعوديه ", "مملكه عربيه سعوديه"},
		{"ال", "ال"},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestIsCountry(t *testing.T) {
	tests := []struct {
		key  string
		want bool
	}{
		{"مصر", true},
		{"فرنسا", true},
		{"اردن", true},
		{"مملكه عربيه سعوديه", true},
		{"ولايات متحده", true},
		{"قاهره", false},
		{"", false},
		{"مصرف", false},
	}
	for _, tt := range tests {
		if got := IsCountry(tt.key); got != tt.want {
			t.Errorf("IsCountry(%q) = %v; want %v", tt.key, got, tt.want)
		}
	}
	if Len() < 200 {
		t.Errorf("Len() = %d; want the world's countries and territories (200+)", Len())
	}
}

func TestMatchCountry(t *testing.T) {
	tests := []struct {
		words string
		want  int
	}{
		{"ولايات متحده امريكيه", 3},
		{"ولايات متحده في", 2},
		{"مجر بقياده", 1},
		{"مصر في", 1},
		{"مملكه عربيه سعوديه اليوم", 3},
		{"مملكه متحده", 2},
		{"مملكه", 0},
		{"بيت ابيض", 0},
	}
	for _, tt := range tests {
		if got := MatchCountry(strings.Fields(tt.words)); got != tt.want {
			t.Errorf("MatchCountry(%q) = %d; want %d", tt.words, got, tt.want)
		}
	}
}

func TestMatchCountryAllocs(t *testing.T) {
	w := []string{"ولايات", "متحده", "امريكيه"}
	if n := testing.AllocsPerRun(100, func() { MatchCountry(w) }); n != 0 {
		t.Errorf("MatchCountry allocates %v times; want 0", n)
	}
}

// TestNoDisplayPackage checks that the CLDR display tables used by the
// generator stay out of the package (and so out of every binary).
func TestNoDisplayPackage(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	out, err := exec.Command("go", "list", "-deps", "tahlil/internal/gazetteer").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	if strings.Contains(string(out), "golang.org/x/text/language/display") {
		t.Errorf("tahlil/internal/gazetteer depends on golang.org/x/text/language/display")
	}
}

func ExampleMatchCountry() {
	// Keys are search-normalized words without the article.
	n := MatchCountry([]string{"ولايات", "متحده", "تعلن"})
	fmt.Println(n, IsCountry("مصر"))
	// Output: 2 true
}
