package org.bluelight.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FirstRecordsTest {

    @Test
    void onlyTheFirstOfEachEventIsNew() {
        FirstRecords firsts = new FirstRecords();

        assertThat(firsts.isFirst("read cad.incidents-0")).isTrue();
        assertThat(firsts.isFirst("read cad.incidents-0")).isFalse();
        assertThat(firsts.isFirst("read cad.incidents-1")).isTrue();
        assertThat(firsts.isFirst("written dispatch.recommendations")).isTrue();
    }
}
