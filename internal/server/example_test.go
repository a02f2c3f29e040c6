package server_test

import (
	"fmt"
	"net/http/httptest"
	"strings"

	"tahlil/internal/server"
)

func ExampleNew() {
	h := server.New(server.Config{}) // API only, CORS off
	req := httptest.NewRequest("POST", "/api/analyze", strings.NewReader(`{"text": "مرحبا", "colour": "red"}`))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	fmt.Println(rec.Code, rec.Body.String())
	// Output:
	// 400 {"error":{"code":"invalid_json","message":"request body has an unknown field \"colour\"; the fields are \"text\" and \"normalize\""}}
}
