package org.bluelight.routing.search;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/**
 * A 4-ary min-heap of int values (labels, junctions) on double keys (weights), in two primitive arrays: the searches
 * push and pop millions of entries, and boxed entries in a {@link java.util.PriorityQueue} cost several times more.
 * Of equal keys, which pops first is left to the heap's layout; a search's results must not depend on it. Not
 * thread-safe; cleared and reused between searches.
 */
final class WeightHeap {

    private double[] keys = new double[1024];
    private int[] values = new int[1024];
    private int size;

    void clear() {
        size = 0;
    }

    boolean isEmpty() {
        return size == 0;
    }

    double peekKey() {
        return keys[0];
    }

    void push(double key, int value) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            if (keys[parent] <= key)
                break;
            keys[i] = keys[parent];
            values[i] = values[parent];
            i = parent;
        }
        keys[i] = key;
        values[i] = value;
    }

    /** Removes a value with the least key. The heap must not be empty. */
    int pop() {
        int result = values[0];
        size--;
        if (size > 0) {
            double key = keys[size];
            int value = values[size];
            int i = 0;
            while (true) {
                int first = 4 * i + 1;
                if (first >= size)
                    break;
                int best = first;
                int last = Math.min(first + 4, size);
                for (int c = first + 1; c < last; c++)
                    if (keys[c] < keys[best])
                        best = c;
                if (key <= keys[best])
                    break;
                keys[i] = keys[best];
                values[i] = values[best];
                i = best;
            }
            keys[i] = key;
            values[i] = value;
        }
        return result;
    }

    /**
     * Drops the entries {@code keep} refuses. The heap is then out of order until {@link #rebuild}, which must come
     * before the next push or pop.
     */
    void retain(Keep keep) {
        int kept = 0;
        for (int i = 0; i < size; i++)
            if (keep.test(values[i], keys[i])) {
                values[kept] = values[i];
                keys[kept++] = keys[i];
            }
        size = kept;
    }

    /** Pushes every entry again, in its present order, with the key {@code keyOf} gives its value. */
    void rebuild(IntToDoubleFunction keyOf) {
        int entries = size;
        size = 0;
        // each push writes at or below its own entry's position, so the entries ahead are read before they move
        for (int i = 0; i < entries; i++)
            push(keyOf.applyAsDouble(values[i]), values[i]);
    }

    @FunctionalInterface
    interface Keep {
        boolean test(int value, double key);
    }
}
