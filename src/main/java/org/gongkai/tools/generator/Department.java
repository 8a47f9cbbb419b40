package org.gongkai.tools.generator;

import java.util.List;

/**
 * A kind of government department and how busy it is: its name word at each tier, its sector (as
 * {@code SectorClassifier} reads it back from the name), and the scales of its figures.
 *
 * @param provincial name word under a province (教育厅); null where provinces have no such department by that name
 * @param municipal name word under a municipality directly under the central government (北京市教育委员会)
 * @param local name word under a city or county (教育局)
 * @param requests relative volume of disclosure requests (land and policing draw the most)
 * @param licensing typical licensing decisions a year at county level
 * @param penalty typical penalty decisions a year at county level
 * @param fees typical fees collected a year at county level, in 10k yuan
 * @param weight relative chance of being in a corpus smaller than the whole country
 */
public record Department(
        String key,
        String sector,
        String provincial,
        String municipal,
        String local,
        double requests,
        double licensing,
        double penalty,
        double fees,
        double weight) {

    /** Every department the generator knows, in the order agencies of one region are listed. */
    public static final List<Department> ALL = List.of(
            new Department("government", "government", "人民政府", "人民政府", "人民政府", 5, 0, 0, 0, 3),
            new Department("government_office", "government_office", "人民政府办公厅", "人民政府办公厅", "人民政府办公室", 1.5, 0, 0, 0, 3),
            new Department("education", "education", "教育厅", "教育委员会", "教育局", 0.8, 30, 2, 5, 3),
            new Department("public_security", "public_security", "公安厅", "公安局", "公安局", 6, 400, 2000, 300, 3),
            new Department("natural_resources", "natural_resources", "自然资源厅", "规划和自然资源局", "自然资源局", 8, 200, 50, 2000, 3),
            new Department("finance", "finance", "财政厅", "财政局", "财政局", 0.6, 5, 5, 50, 2),
            new Department("health", "health", "卫生健康委员会", "卫生健康委员会", "卫生健康局", 1.0, 300, 100, 30, 2),
            new Department("environment", "environment", "生态环境厅", "生态环境局", "生态环境局", 1.2, 50, 60, 10, 2),
            new Department("housing", "housing", "住房和城乡建设厅", "住房和城乡建设局", "住房和城乡建设局", 3, 150, 30, 500, 2),
            new Department("transport", "transport", "交通运输厅", "交通运输局", "交通运输局", 1.0, 300, 400, 100, 2),
            new Department(
                    "human_resources", "human_resources", "人力资源和社会保障厅", "人力资源和社会保障局", "人力资源和社会保障局", 1.5, 50, 10, 10, 2),
            new Department("civil_affairs", "civil_affairs", "民政厅", "民政局", "民政局", 0.8, 20, 2, 5, 1.5),
            new Department(
                    "market_regulation", "market_regulation", "市场监督管理局", "市场监督管理局", "市场监督管理局", 1.5, 1500, 800, 30, 2),
            new Department("agriculture", "agriculture", "农业农村厅", "农业农村局", "农业农村局", 0.6, 80, 40, 5, 1.5),
            new Department("water", "water", "水利厅", "水利局", "水利局", 0.5, 40, 10, 100, 1),
            new Department(
                    "development_reform", "development_reform", "发展和改革委员会", "发展和改革委员会", "发展和改革委员会", 0.8, 60, 1, 5, 1.5),
            new Department("justice", "justice", "司法厅", "司法局", "司法局", 0.6, 20, 5, 2, 1),
            new Department("emergency", "emergency", null, "应急管理局", "应急管理局", 0.4, 20, 30, 0, 1),
            new Department("statistics", "statistics", "统计局", "统计局", "统计局", 0.2, 0, 5, 0, 1),
            new Department("audit", "audit", null, "审计局", "审计局", 0.2, 0, 0, 0, 1),
            new Department("culture_tourism", "culture_tourism", null, "文化和旅游局", "文化和旅游局", 0.3, 40, 20, 0, 1),
            new Department("commerce", "commerce", null, "商务局", "商务局", 0.3, 20, 2, 0, 1),
            new Department("veterans", "veterans", null, "退役军人事务局", "退役军人事务局", 0.5, 0, 0, 0, 1),
            new Department("medical_security", "medical_security", "医疗保障局", "医疗保障局", "医疗保障局", 0.5, 0, 20, 0, 1),
            new Department("forestry", "other", "林业和草原局", "园林绿化局", "林业和草原局", 0.5, 30, 20, 10, 0.7),
            new Department("sports", "other", "体育局", "体育局", "体育局", 0.1, 5, 0, 0, 0.5),
            new Department("archives", "other", "档案局", "档案局", "档案局", 0.3, 0, 0, 0, 0.5),
            new Department("urban_management", "other", null, "城市管理委员会", "城市管理局", 1.0, 20, 300, 30, 0.7),
            new Department("science", "other", "科学技术厅", "科学技术局", "科学技术局", 0.2, 5, 0, 0, 0.5),
            new Department("industry", "other", "工业和信息化厅", "经济和信息化局", "工业和信息化局", 0.3, 10, 5, 0, 0.5),
            new Department("ethnic_religious", "other", "民族宗教事务委员会", "民族宗教事务委员会", "民族宗教事务局", 0.1, 5, 0, 0, 0.5),
            new Department("petition", "other", "信访局", "信访办公室", "信访局", 1.5, 0, 0, 0, 0.5),
            new Department("grain", "other", "粮食和物资储备局", "粮食和物资储备局", "粮食和物资储备局", 0.1, 5, 2, 0, 0.5),
            new Department("civil_defence", "other", "人民防空办公室", "民防局", "人民防空办公室", 0.2, 10, 2, 20, 0.5));

    /** Whether this department exists (under a name the generator uses) at the tier. */
    public boolean existsAt(AgencyTier tier) {
        return word(tier) != null;
    }

    /** The name word at the tier, or null. */
    public String word(AgencyTier tier) {
        return switch (tier) {
            case PROVINCE -> provincial;
            case MUNICIPALITY -> municipal;
            case CITY, COUNTY -> local;
        };
    }

    /** Whether this department issues rules (规章): only people's governments do. */
    public boolean issuesRules() {
        return key.equals("government") || key.equals("government_office");
    }
}
