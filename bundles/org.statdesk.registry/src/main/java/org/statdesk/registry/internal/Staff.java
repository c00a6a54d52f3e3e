package org.statdesk.registry.internal;

import java.sql.SQLException;
import java.util.List;

/** Unit statisticians (统计人员): their changes (变动报备), their training and its coverage per county. */
public interface Staff {
    record StaffChange(long id, String creditCode, String oldName, String newName, String newPhone,
            String changeDate, String handover, String reason) {
    }

    record Training(long id, String personName, String creditCode, String countyCode, String trainingDate,
            String course, Double hours) {
    }

    record Coverage(String countyCode, String countyName, int statisticians, int trained, Double coverage,
            int newStatisticians, int newTrainedBeforePost, Double newCoverage) {
    }

    /** 变动报备: the unit's statistician changes from a date, with the handover of original records and ledgers. */
    StaffChange changeStatistician(String codeOrApp, String newName, String phone, String date, String handover,
            String reason) throws Exception;

    /** A training of a person, for a unit or (naming no unit) a county. */
    Training addTraining(String person, String codeOrApp, String county, String date, String course, Double hours)
            throws Exception;

    /**
     * Training coverage per county for a year: statisticians of in-register units trained that year; and the
     * statisticians who took their post that year (变动报备) trained on or before that day, within the year before.
     */
    List<Coverage> coverage(int year, String city) throws SQLException;
}
