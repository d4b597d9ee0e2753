package se.benefitledger.api.eventstore;

import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.util.LRUMap;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.junit.jupiter.api.Test;
import se.benefitledger.core.household.ClosureReason;
import se.benefitledger.core.household.HouseholdClosedEvent;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.projections.json.LedgerJson;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

class ClassCachingJacksonSerializerTest {

    /** Jackson's type factory, which Axon asks for each payload's class by name, counting how often it is asked. */
    static final class CountingTypeFactory extends TypeFactory {

        final Map<String, Integer> lookups = new ConcurrentHashMap<>();

        CountingTypeFactory() {
            super(new LRUMap<>(16, 200));
        }

        @Override
        public Class<?> findClass(String className) throws ClassNotFoundException {
            lookups.merge(className, 1, Integer::sum);
            return super.findClass(className);
        }
    }

    private final CountingTypeFactory types = new CountingTypeFactory();
    private final ClassCachingJacksonSerializer serializer = ClassCachingJacksonSerializer.of(LedgerJson.eventObjectMapper().setTypeFactory(types));

    @Test
    void looksUpAnEventClassByNameOnceHoweverOftenItsEventsAreRead() {
        var event = new HouseholdClosedEvent(UUID.randomUUID(), MunicipalityCode.of("0180"), ClosureReason.MOVED, BenefitMonth.of(2025, 3));
        var stored = serializer.serialize(event, byte[].class);

        for (int i = 0; i < 3; i++) {
            assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);
        }
        assertThat(serializer.classForType(stored.getType())).isEqualTo(HouseholdClosedEvent.class);

        assertThat(types.lookups).containsEntry(HouseholdClosedEvent.class.getName(), 1);
    }

    @Test
    void aTypeNameWithoutAClassIsStillReadAsUnknown() {
        var unknown = new SimpleSerializedType("se.benefitledger.core.NoSuchEvent", "1");

        assertThat(serializer.classForType(unknown)).isEqualTo(UnknownSerializedType.class);
        assertThat(serializer.classForType(unknown)).isEqualTo(UnknownSerializedType.class);
        assertThat((Object) serializer.deserialize(new SimpleSerializedObject<>("{}".getBytes(), byte[].class, unknown)))
                .isInstanceOf(UnknownSerializedType.class);
    }
}
