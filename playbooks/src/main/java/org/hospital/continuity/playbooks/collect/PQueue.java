package org.hospital.continuity.playbooks.collect;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable set of (instant, key) entries ordered by instant then key, with the earliest at hand: the wake-up
 * times of many incidents. {@link #add}, {@link #remove} and {@link #first} take O(log n) (a treap whose
 * priorities are derived from the entries, so the shape is the same in every run).
 */
public final class PQueue {

    /**
     * One entry.
     *
     * @param at  when
     * @param key whose (keys sort as strings; use zero-padded numbers)
     */
    public record Entry(Instant at, String key) {
        public Entry {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(key, "key");
        }
    }

    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::at).thenComparing(Entry::key);
    private static final PQueue EMPTY = new PQueue(null, 0);

    private record Node(Entry entry, int priority, Node left, Node right) {
    }

    private final Node root;
    private final int size;

    private PQueue(Node root, int size) {
        this.root = root;
        this.size = size;
    }

    /** No entries. */
    public static PQueue empty() {
        return EMPTY;
    }

    /** Number of entries. */
    public int size() {
        return size;
    }

    /** True when there are none. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** The earliest entry. */
    public Optional<Entry> first() {
        Node n = root;
        if (n == null) {
            return Optional.empty();
        }
        while (n.left() != null) {
            n = n.left();
        }
        return Optional.of(n.entry());
    }

    /** The latest entry. */
    public Optional<Entry> last() {
        Node n = root;
        if (n == null) {
            return Optional.empty();
        }
        while (n.right() != null) {
            n = n.right();
        }
        return Optional.of(n.entry());
    }

    /** The {@code n} latest entries, earliest of them first. */
    public java.util.List<Entry> latest(int n) {
        java.util.ArrayList<Entry> out = new java.util.ArrayList<>(Math.min(n, size));
        walkBack(root, out, n);
        java.util.Collections.reverse(out);
        return out;
    }

    private static void walkBack(Node node, java.util.List<Entry> out, int n) {
        if (node == null || out.size() >= n) {
            return;
        }
        walkBack(node.right(), out, n);
        if (out.size() < n) {
            out.add(node.entry());
        }
        walkBack(node.left(), out, n);
    }

    /** With the entry (the same queue when it is already there). */
    public PQueue add(Instant at, String key) {
        Entry e = new Entry(at, key);
        if (contains(root, e)) {
            return this;
        }
        Node[] parts = split(root, e);
        Node single = new Node(e, priority(e), null, null);
        return new PQueue(merge(merge(parts[0], single), parts[1]), size + 1);
    }

    /** Without the entry (the same queue when it is not there). */
    public PQueue remove(Instant at, String key) {
        Entry e = new Entry(at, key);
        if (!contains(root, e)) {
            return this;
        }
        return new PQueue(delete(root, e), size - 1);
    }

    /** Every entry, earliest first. */
    public java.util.List<Entry> entries() {
        java.util.List<Entry> out = new java.util.ArrayList<>(size);
        walk(root, out);
        return out;
    }

    private static void walk(Node n, java.util.List<Entry> out) {
        if (n != null) {
            walk(n.left(), out);
            out.add(n.entry());
            walk(n.right(), out);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PQueue q && q.size == size && q.entries().equals(entries());
    }

    @Override
    public int hashCode() {
        return entries().hashCode();
    }

    private static boolean contains(Node n, Entry e) {
        while (n != null) {
            int c = ORDER.compare(e, n.entry());
            if (c == 0) {
                return true;
            }
            n = c < 0 ? n.left() : n.right();
        }
        return false;
    }

    /** [entries before e, entries at or after e]. */
    private static Node[] split(Node n, Entry e) {
        if (n == null) {
            return new Node[] {null, null};
        }
        if (ORDER.compare(n.entry(), e) < 0) {
            Node[] r = split(n.right(), e);
            return new Node[] {new Node(n.entry(), n.priority(), n.left(), r[0]), r[1]};
        }
        Node[] l = split(n.left(), e);
        return new Node[] {l[0], new Node(n.entry(), n.priority(), l[1], n.right())};
    }

    /** Every entry of a comes before every entry of b. */
    private static Node merge(Node a, Node b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        if (a.priority() >= b.priority()) {
            return new Node(a.entry(), a.priority(), a.left(), merge(a.right(), b));
        }
        return new Node(b.entry(), b.priority(), merge(a, b.left()), b.right());
    }

    private static Node delete(Node n, Entry e) {
        int c = ORDER.compare(e, n.entry());
        if (c == 0) {
            return merge(n.left(), n.right());
        }
        return c < 0 ? new Node(n.entry(), n.priority(), delete(n.left(), e), n.right())
                : new Node(n.entry(), n.priority(), n.left(), delete(n.right(), e));
    }

    private static int priority(Entry e) {
        int h = e.key().hashCode() * 31 + Long.hashCode(e.at().getEpochSecond()) * 17 + e.at().getNano();
        h ^= h >>> 16;
        h *= 0x7feb352d;
        h ^= h >>> 15;
        h *= 0x846ca68b;
        h ^= h >>> 16;
        return h;
    }
}
