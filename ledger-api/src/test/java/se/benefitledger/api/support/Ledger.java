package se.benefitledger.api.support;

/** Builds the ledger's objects through the REST API, as a client would. */
public final class Ledger {

    private final int port;

    public Ledger(int port) {
        this.port = port;
    }

    public static String householdJson(String municipality, String... personnummer) {
        var members = new StringBuilder();
        for (int i = 0; i < personnummer.length; i++) {
            members.append(i == 0 ? "" : ", ")
                   .append("{\"personalIdentityNumber\": \"").append(personnummer[i]).append("\", \"role\": \"")
                   .append(i == 0 ? "APPLICANT" : "CHILD").append("\"}");
        }
        return "{\"municipality\": \"" + municipality + "\", \"members\": [" + members + "]}";
    }

    /** A new household with a fresh applicant; answers its id. */
    public String household(String municipality) {
        var caseworker = municipality.equals("1280") ? Users.CARL : Users.ANNA;
        var response = caseworker.on(port).post("/api/v1/households", householdJson(municipality, People.adult()));
        if (response.status() != 201) {
            throw new IllegalStateException("could not register a household: " + response);
        }
        return response.json("$.householdId");
    }
}
