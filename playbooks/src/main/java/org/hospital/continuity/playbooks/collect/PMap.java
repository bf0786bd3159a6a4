package org.hospital.continuity.playbooks.collect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * An immutable hash map whose {@link #put} and {@link #remove} return a new map sharing almost all of its
 * structure with the old one (a hash array mapped trie). Both take O(log32 n) time, so an engine state that
 * holds thousands of signals can be updated per signal without copying them all: the incident engine stays a
 * pure fold (old states remain valid) and linear in the number of signals.
 *
 * <p>Iteration order follows the keys' hash codes. Keys must have hash codes that are stable across runs
 * (strings, records of strings, numbers); enum keys would make the order differ between runs, so the engine
 * uses string keys and sorts wherever order is visible.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class PMap<K, V> {

    private static final int BITS = 5;
    private static final int MASK = (1 << BITS) - 1;
    private static final PMap<?, ?> EMPTY = new PMap<>(Node.EMPTY, 0);

    private final Node root;
    private final int size;

    private PMap(Node root, int size) {
        this.root = root;
        this.size = size;
    }

    /** The empty map. */
    @SuppressWarnings("unchecked")
    public static <K, V> PMap<K, V> empty() {
        return (PMap<K, V>) EMPTY;
    }

    /** Number of entries. */
    public int size() {
        return size;
    }

    /** True when there are no entries. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** The value for {@code key}, or null. */
    @SuppressWarnings("unchecked")
    public V get(K key) {
        Objects.requireNonNull(key, "key");
        return (V) root.find(key, key.hashCode(), 0);
    }

    /** The value for {@code key}, if any. */
    public Optional<V> lookup(K key) {
        return Optional.ofNullable(get(key));
    }

    /** True when the key has a value. */
    public boolean containsKey(K key) {
        return get(key) != null;
    }

    /** A map with {@code key} bound to {@code value} (this map when it already is). */
    public PMap<K, V> put(K key, V value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        boolean[] added = new boolean[1];
        Node n = root.put(key, key.hashCode(), value, 0, added);
        return n == root ? this : new PMap<>(n, added[0] ? size + 1 : size);
    }

    /** A map without {@code key} (this map when it has no such key). */
    public PMap<K, V> remove(K key) {
        Objects.requireNonNull(key, "key");
        Node n = root.remove(key, key.hashCode(), 0);
        return n == root ? this : new PMap<>(n == null ? Node.EMPTY : n, size - 1);
    }

    /** Calls {@code action} for every entry. */
    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<? super K, ? super V> action) {
        root.each((k, v) -> action.accept((K) k, (V) v));
    }

    /** True when some entry satisfies the test; stops at the first that does. */
    @SuppressWarnings("unchecked")
    public boolean anyMatch(java.util.function.BiPredicate<? super K, ? super V> test) {
        return root.any((k, v) -> test.test((K) k, (V) v));
    }

    /** True when every entry satisfies the test; stops at the first that does not. */
    public boolean allMatch(java.util.function.BiPredicate<? super K, ? super V> test) {
        return !anyMatch((k, v) -> !test.test(k, v));
    }

    /** The values, in iteration order. */
    public List<V> values() {
        List<V> out = new ArrayList<>(size);
        forEach((k, v) -> out.add(v));
        return out;
    }

    /** The keys, in iteration order. */
    public List<K> keys() {
        List<K> out = new ArrayList<>(size);
        forEach((k, v) -> out.add(k));
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PMap<?, ?> other) || other.size != size) {
            return false;
        }
        boolean[] same = {true};
        forEach((k, v) -> {
            if (same[0]) {
                @SuppressWarnings("unchecked")
                Object theirs = ((PMap<Object, Object>) other).get(k);
                same[0] = v.equals(theirs);
            }
        });
        return same[0];
    }

    @Override
    public int hashCode() {
        int[] h = {0};
        forEach((k, v) -> h[0] += k.hashCode() ^ v.hashCode());
        return h[0];
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(k).append('=').append(v));
        return sb.append('}').toString();
    }

    /** One level of the trie: a bitmap of occupied slots, each an entry, a sub-node or (at the bottom) a bucket. */
    private static final class Node {
        static final Node EMPTY = new Node(0, new Object[0]);

        final int bitmap;
        final Object[] slots; // Entry | Node | Bucket

        Node(int bitmap, Object[] slots) {
            this.bitmap = bitmap;
            this.slots = slots;
        }

        Object find(Object key, int hash, int shift) {
            int bit = bit(hash, shift);
            if ((bitmap & bit) == 0) {
                return null;
            }
            Object slot = slots[index(bit)];
            if (slot instanceof Entry e) {
                return e.hash == hash && e.key.equals(key) ? e.value : null;
            }
            if (slot instanceof Bucket b) {
                return b.hash == hash ? b.find(key) : null;
            }
            return ((Node) slot).find(key, hash, shift + BITS);
        }

        Node put(Object key, int hash, Object value, int shift, boolean[] added) {
            int bit = bit(hash, shift);
            int i = index(bit);
            if ((bitmap & bit) == 0) {
                added[0] = true;
                Object[] s = new Object[slots.length + 1];
                System.arraycopy(slots, 0, s, 0, i);
                s[i] = new Entry(key, hash, value);
                System.arraycopy(slots, i, s, i + 1, slots.length - i);
                return new Node(bitmap | bit, s);
            }
            Object slot = slots[i];
            Object replaced;
            if (slot instanceof Entry e) {
                if (e.hash == hash && e.key.equals(key)) {
                    if (e.value.equals(value)) {
                        return this;
                    }
                    replaced = new Entry(key, hash, value);
                } else {
                    added[0] = true;
                    replaced = merge(e, e.hash, new Entry(key, hash, value), hash, shift + BITS);
                }
            } else if (slot instanceof Bucket b) {
                if (b.hash != hash) {
                    added[0] = true;
                    replaced = merge(b, b.hash, new Entry(key, hash, value), hash, shift + BITS);
                } else {
                    Bucket nb = b.put(key, value, added);
                    if (nb == b) {
                        return this;
                    }
                    replaced = nb;
                }
            } else {
                Node child = (Node) slot;
                Node nc = child.put(key, hash, value, shift + BITS, added);
                if (nc == child) {
                    return this;
                }
                replaced = nc;
            }
            Object[] s = slots.clone();
            s[i] = replaced;
            return new Node(bitmap, s);
        }

        /** Null when the node became empty. */
        Node remove(Object key, int hash, int shift) {
            int bit = bit(hash, shift);
            if ((bitmap & bit) == 0) {
                return this;
            }
            int i = index(bit);
            Object slot = slots[i];
            Object replaced;
            if (slot instanceof Entry e) {
                if (e.hash != hash || !e.key.equals(key)) {
                    return this;
                }
                replaced = null;
            } else if (slot instanceof Bucket b) {
                if (b.hash != hash) {
                    return this;
                }
                Bucket nb = b.remove(key);
                if (nb == b) {
                    return this;
                }
                replaced = nb.keys.length == 1 ? new Entry(nb.keys[0], nb.hash, nb.values[0]) : nb;
            } else {
                Node child = (Node) slot;
                Node nc = child.remove(key, hash, shift + BITS);
                if (nc == child) {
                    return this;
                }
                if (nc != null && nc.slots.length == 1 && !(nc.slots[0] instanceof Node)) {
                    replaced = nc.slots[0]; // pull a lone entry or bucket up
                } else {
                    replaced = nc;
                }
            }
            if (replaced == null) {
                if (slots.length == 1) {
                    return null;
                }
                Object[] s = new Object[slots.length - 1];
                System.arraycopy(slots, 0, s, 0, i);
                System.arraycopy(slots, i + 1, s, i, slots.length - i - 1);
                return new Node(bitmap & ~bit, s);
            }
            Object[] s = slots.clone();
            s[i] = replaced;
            return new Node(bitmap, s);
        }

        boolean any(java.util.function.BiPredicate<Object, Object> test) {
            for (Object slot : slots) {
                if (slot instanceof Entry e) {
                    if (test.test(e.key, e.value)) {
                        return true;
                    }
                } else if (slot instanceof Bucket b) {
                    for (int j = 0; j < b.keys.length; j++) {
                        if (test.test(b.keys[j], b.values[j])) {
                            return true;
                        }
                    }
                } else if (((Node) slot).any(test)) {
                    return true;
                }
            }
            return false;
        }

        void each(BiConsumer<Object, Object> action) {
            for (Object slot : slots) {
                if (slot instanceof Entry e) {
                    action.accept(e.key, e.value);
                } else if (slot instanceof Bucket b) {
                    for (int j = 0; j < b.keys.length; j++) {
                        action.accept(b.keys[j], b.values[j]);
                    }
                } else {
                    ((Node) slot).each(action);
                }
            }
        }

        /** A sub-node holding two leaves (entries or buckets) of different hash codes, or a bucket for equal ones. */
        private static Object merge(Object a, int ha, Object b, int hb, int shift) {
            if (ha == hb) {
                Entry ea = (Entry) a;
                Entry eb = (Entry) b;
                return new Bucket(ha, new Object[] {ea.key, eb.key}, new Object[] {ea.value, eb.value});
            }
            int ba = bit(ha, shift);
            int bb = bit(hb, shift);
            if (ba == bb) {
                return new Node(ba, new Object[] {merge(a, ha, b, hb, shift + BITS)});
            }
            return new Node(ba | bb, Integer.compareUnsigned(ba, bb) < 0 ? new Object[] {a, b} : new Object[] {b, a});
        }

        private static int bit(int hash, int shift) {
            return 1 << ((hash >>> shift) & MASK);
        }

        private int index(int bit) {
            return Integer.bitCount(bitmap & (bit - 1));
        }
    }

    private record Entry(Object key, int hash, Object value) {
    }

    /** Keys whose full hash codes are equal. */
    private static final class Bucket {
        final int hash;
        final Object[] keys;
        final Object[] values;

        Bucket(int hash, Object[] keys, Object[] values) {
            this.hash = hash;
            this.keys = keys;
            this.values = values;
        }

        Object find(Object key) {
            for (int j = 0; j < keys.length; j++) {
                if (keys[j].equals(key)) {
                    return values[j];
                }
            }
            return null;
        }

        Bucket put(Object key, Object value, boolean[] added) {
            for (int j = 0; j < keys.length; j++) {
                if (keys[j].equals(key)) {
                    if (values[j].equals(value)) {
                        return this;
                    }
                    Object[] v = values.clone();
                    v[j] = value;
                    return new Bucket(hash, keys, v);
                }
            }
            added[0] = true;
            Object[] k = Arrays.copyOf(keys, keys.length + 1);
            Object[] v = Arrays.copyOf(values, values.length + 1);
            k[keys.length] = key;
            v[values.length] = value;
            return new Bucket(hash, k, v);
        }

        Bucket remove(Object key) {
            for (int j = 0; j < keys.length; j++) {
                if (keys[j].equals(key)) {
                    Object[] k = new Object[keys.length - 1];
                    Object[] v = new Object[values.length - 1];
                    System.arraycopy(keys, 0, k, 0, j);
                    System.arraycopy(keys, j + 1, k, j, keys.length - j - 1);
                    System.arraycopy(values, 0, v, 0, j);
                    System.arraycopy(values, j + 1, v, j, values.length - j - 1);
                    return new Bucket(hash, k, v);
                }
            }
            return this;
        }
    }
}
