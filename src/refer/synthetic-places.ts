/**
 * @module Places and name parts for the synthetic directory (generate.ts). Test data, not facts:
 * city centres are approximate, each with one downtown ZIP code and area code of that city, so
 * generated postcodes and phone prefixes look plausible; phone lines use the 555-01xx range
 * reserved for fiction, and web sites the reserved .example domain (RFC 2606).
 */

export interface SyntheticCity {
  city: string;
  state: string;
  latitude: number;
  longitude: number;
  zip: string;
  areaCode: string;
  timeZone: string;
  /** Standard-time UTC offset in hours, as HSDS schedule.timezone records it. */
  utcOffset: number;
}

const city = (c: string, state: string, latitude: number, longitude: number, zip: string, areaCode: string, timeZone: string, utcOffset: number): SyntheticCity => ({
  city: c, state, latitude, longitude, zip, areaCode, timeZone, utcOffset,
});

const ET = 'America/New_York';
const CT = 'America/Chicago';
const MT = 'America/Denver';
const PT = 'America/Los_Angeles';

/** One or two cities per state and DC, weighted by nothing: each city equally likely. */
export const syntheticCities: SyntheticCity[] = [
  city('Birmingham', 'AL', 33.5186, -86.8104, '35203', '205', CT, -6),
  city('Anchorage', 'AK', 61.2181, -149.9003, '99501', '907', 'America/Anchorage', -9),
  city('Phoenix', 'AZ', 33.4484, -112.074, '85004', '602', 'America/Phoenix', -7),
  city('Tucson', 'AZ', 32.2226, -110.9747, '85701', '520', 'America/Phoenix', -7),
  city('Little Rock', 'AR', 34.7465, -92.2896, '72201', '501', CT, -6),
  city('Los Angeles', 'CA', 34.0522, -118.2437, '90012', '213', PT, -8),
  city('San Diego', 'CA', 32.7157, -117.1611, '92101', '619', PT, -8),
  city('Oakland', 'CA', 37.8044, -122.2712, '94612', '510', PT, -8),
  city('Fresno', 'CA', 36.7378, -119.7871, '93721', '559', PT, -8),
  city('Denver', 'CO', 39.7392, -104.9903, '80202', '303', MT, -7),
  city('Hartford', 'CT', 41.7658, -72.6734, '06103', '860', ET, -5),
  city('Wilmington', 'DE', 39.7391, -75.5398, '19801', '302', ET, -5),
  city('Washington', 'DC', 38.9072, -77.0369, '20001', '202', ET, -5),
  city('Miami', 'FL', 25.7617, -80.1918, '33130', '305', ET, -5),
  city('Orlando', 'FL', 28.5383, -81.3792, '32801', '407', ET, -5),
  city('Tampa', 'FL', 27.9506, -82.4572, '33602', '813', ET, -5),
  city('Atlanta', 'GA', 33.749, -84.388, '30303', '404', ET, -5),
  city('Honolulu', 'HI', 21.3069, -157.8583, '96813', '808', 'Pacific/Honolulu', -10),
  city('Boise', 'ID', 43.615, -116.2023, '83702', '208', 'America/Boise', -7),
  city('Chicago', 'IL', 41.8781, -87.6298, '60601', '312', CT, -6),
  city('Indianapolis', 'IN', 39.7684, -86.1581, '46204', '317', 'America/Indiana/Indianapolis', -5),
  city('Des Moines', 'IA', 41.5868, -93.625, '50309', '515', CT, -6),
  city('Wichita', 'KS', 37.6872, -97.3301, '67202', '316', CT, -6),
  city('Louisville', 'KY', 38.2527, -85.7585, '40202', '502', 'America/Kentucky/Louisville', -5),
  city('New Orleans', 'LA', 29.9511, -90.0715, '70112', '504', CT, -6),
  city('Portland', 'ME', 43.6591, -70.2568, '04101', '207', ET, -5),
  city('Baltimore', 'MD', 39.2904, -76.6122, '21202', '410', ET, -5),
  city('Boston', 'MA', 42.3601, -71.0589, '02108', '617', ET, -5),
  city('Detroit', 'MI', 42.3314, -83.0458, '48226', '313', 'America/Detroit', -5),
  city('Minneapolis', 'MN', 44.9778, -93.265, '55401', '612', CT, -6),
  city('Jackson', 'MS', 32.2988, -90.1848, '39201', '601', CT, -6),
  city('St. Louis', 'MO', 38.627, -90.1994, '63101', '314', CT, -6),
  city('Billings', 'MT', 45.7833, -108.5007, '59101', '406', MT, -7),
  city('Omaha', 'NE', 41.2565, -95.9345, '68102', '402', CT, -6),
  city('Las Vegas', 'NV', 36.1699, -115.1398, '89101', '702', PT, -8),
  city('Manchester', 'NH', 42.9956, -71.4548, '03101', '603', ET, -5),
  city('Newark', 'NJ', 40.7357, -74.1724, '07102', '973', ET, -5),
  city('Albuquerque', 'NM', 35.0844, -106.6504, '87102', '505', MT, -7),
  city('New York', 'NY', 40.7128, -74.006, '10007', '212', ET, -5),
  city('Buffalo', 'NY', 42.8864, -78.8784, '14202', '716', ET, -5),
  city('Charlotte', 'NC', 35.2271, -80.8431, '28202', '704', ET, -5),
  city('Fargo', 'ND', 46.8772, -96.7898, '58102', '701', CT, -6),
  city('Columbus', 'OH', 39.9612, -82.9988, '43215', '614', ET, -5),
  city('Cleveland', 'OH', 41.4993, -81.6944, '44113', '216', ET, -5),
  city('Oklahoma City', 'OK', 35.4676, -97.5164, '73102', '405', CT, -6),
  city('Portland', 'OR', 45.5152, -122.6784, '97204', '503', PT, -8),
  city('Philadelphia', 'PA', 39.9526, -75.1652, '19107', '215', ET, -5),
  city('Pittsburgh', 'PA', 40.4406, -79.9959, '15222', '412', ET, -5),
  city('Providence', 'RI', 41.824, -71.4128, '02903', '401', ET, -5),
  city('Columbia', 'SC', 34.0007, -81.0348, '29201', '803', ET, -5),
  city('Sioux Falls', 'SD', 43.5446, -96.7311, '57104', '605', CT, -6),
  city('Nashville', 'TN', 36.1627, -86.7816, '37203', '615', CT, -6),
  city('Memphis', 'TN', 35.1495, -90.049, '38103', '901', CT, -6),
  city('Houston', 'TX', 29.7604, -95.3698, '77002', '713', CT, -6),
  city('San Antonio', 'TX', 29.4241, -98.4936, '78205', '210', CT, -6),
  city('Dallas', 'TX', 32.7767, -96.797, '75201', '214', CT, -6),
  city('El Paso', 'TX', 31.7619, -106.485, '79901', '915', MT, -7),
  city('Salt Lake City', 'UT', 40.7608, -111.891, '84111', '801', MT, -7),
  city('Burlington', 'VT', 44.4759, -73.2121, '05401', '802', ET, -5),
  city('Richmond', 'VA', 37.5407, -77.436, '23219', '804', ET, -5),
  city('Seattle', 'WA', 47.6062, -122.3321, '98101', '206', PT, -8),
  city('Charleston', 'WV', 38.3498, -81.6326, '25301', '304', ET, -5),
  city('Milwaukee', 'WI', 43.0389, -87.9065, '53202', '414', CT, -6),
  city('Cheyenne', 'WY', 41.14, -104.8202, '82001', '307', MT, -7),
];

/** Street names common across US cities. */
export const streetNames = [
  'Main St', 'Oak Ave', 'Maple St', 'Washington Blvd', 'Lincoln Ave', 'Park Ave', 'Elm St', 'Cedar Rd',
  'Pine St', 'Lake Dr', 'Hill St', 'Church St', 'Market St', 'Broadway', 'River Rd', 'Center St',
  'Jefferson Ave', 'Franklin St', 'Madison Ave', 'Highland Ave', 'Union St', 'Spring St', 'Grand Ave', 'Mill Rd',
];

/** Words for organization names ("Harbor House", "New Dawn Alliance"). */
export const organizationWords = {
  first: ['Harbor', 'New Dawn', 'Safe Passage', 'Bridges', 'Open Door', 'Lighthouse', 'Crossroads', 'Hope', 'Sunrise', 'Compass', 'Keystone', 'Northstar', 'Riverbend', 'Cornerstone', 'Haven', 'Pathways', 'Unity', 'Evergreen', 'Beacon', 'Willow'],
  second: ['House', 'Alliance', 'Collective', 'Center', 'Network', 'Project', 'Coalition', 'Services', 'Partners', 'Foundation'],
  kinds: ['Community Health Center', 'Legal Aid Society', 'Family Services', 'Immigrant Rights Center', 'Youth Services', 'Counseling Center', 'Language Bank', 'Free Clinic'],
};

/** Languages and their ISO 639 codes (ISO 639-3 `ase` for American Sign Language). */
export const syntheticLanguages: { name: string; code: string }[] = [
  { name: 'Spanish', code: 'es' }, { name: 'Chinese', code: 'zh' }, { name: 'Vietnamese', code: 'vi' },
  { name: 'Tagalog', code: 'tl' }, { name: 'Arabic', code: 'ar' }, { name: 'Korean', code: 'ko' },
  { name: 'Russian', code: 'ru' }, { name: 'Haitian Creole', code: 'ht' }, { name: 'French', code: 'fr' },
  { name: 'Portuguese', code: 'pt' }, { name: 'Hindi', code: 'hi' }, { name: 'Thai', code: 'th' },
  { name: 'American Sign Language', code: 'ase' }, { name: 'Ukrainian', code: 'uk' }, { name: 'Somali', code: 'so' },
];
