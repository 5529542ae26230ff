package ratelimit

import (
	"errors"
	"sync"
	"time"
)

// ErrLimited is returned when a caller has used up its tokens.
var ErrLimited = errors.New("rate limited")

// Bucket is a token bucket refilled at a fixed rate.
type Bucket struct {
	mu       sync.Mutex
	capacity float64
	tokens   float64
	rate     float64
	last     time.Time
	now      func() time.Time
}

// NewBucket returns a full bucket.
func NewBucket(capacity int, perSecond float64) *Bucket {
	return &Bucket{
		capacity: float64(capacity),
		tokens:   float64(capacity),
		rate:     perSecond,
		last:     time.Now(),
		now:      time.Now,
	}
}

func (b *Bucket) refill() {
	now := b.now()
	elapsed := now.Sub(b.last).Seconds()
	b.tokens += elapsed * b.rate
	if b.tokens > b.capacity {
		b.tokens = b.capacity
	}
	b.last = now
}

// Take removes n tokens or returns ErrLimited.
func (b *Bucket) Take(n int) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.refill()
	if b.tokens < float64(n) {
		return ErrLimited
	}
	b.tokens -= float64(n)
	return nil
}

// Wait returns how long until n tokens are available.
func (b *Bucket) Wait(n int) time.Duration {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.refill()
	missing := float64(n) - b.tokens
	if missing <= 0 {
		return 0
	}
	return time.Duration(missing / b.rate * float64(time.Second))
}
