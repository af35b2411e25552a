package org.bluelight.routing.mapgen;

/**
 * Sizes of synthetic maps. Roads sit on a jittered lattice of {@code cellMeters}; every {@code laneEvery}-th
 * lattice line outside towns is a country lane, town areas fill in their whole lattice as a street grid.
 *
 * @param widthKm        east-west extent
 * @param heightKm       north-south extent
 * @param towns          towns besides the central one
 * @param villages       small settlements
 * @param cityRadiusKm   radius of the central town
 * @param townRadiusKm   radius of other towns
 * @param villageRadiusKm radius of villages
 * @param lanePillars    shape nodes between lattice points on lanes (more nodes, curvier lanes)
 * @param spurShare      share of lane lattice points with a dead-end farm track or drive
 */
public enum MapPreset {
    TOWN(6, 5, 0, 2, 1.2, 0.6, 0.3, 1, 0.35),
    COUNTY(50, 40, 14, 60, 3.0, 1.0, 0.45, 1, 0.35);

    public static final double CELL_METERS = 100;
    public static final int LANE_EVERY = 6;

    final double widthKm;
    final double heightKm;
    final int towns;
    final int villages;
    final double cityRadiusKm;
    final double townRadiusKm;
    final double villageRadiusKm;
    final int lanePillars;
    final double spurShare;

    MapPreset(double widthKm, double heightKm, int towns, int villages, double cityRadiusKm, double townRadiusKm,
              double villageRadiusKm, int lanePillars, double spurShare) {
        this.widthKm = widthKm;
        this.heightKm = heightKm;
        this.towns = towns;
        this.villages = villages;
        this.cityRadiusKm = cityRadiusKm;
        this.townRadiusKm = townRadiusKm;
        this.villageRadiusKm = villageRadiusKm;
        this.lanePillars = lanePillars;
        this.spurShare = spurShare;
    }
}
