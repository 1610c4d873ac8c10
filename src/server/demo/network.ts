import { and, eq, inArray } from 'drizzle-orm';
import type { InstitutionType } from '../../contracts/network';
import type { Db } from '../db/client';
import {
  clientMeasures,
  clientOpportunities,
  clients,
  consents,
  contacts,
  disclosures,
  institutionContacts,
  institutions,
  measures,
  occupations,
  opportunities,
  qualifications,
  recognitionProcedures,
  sectors,
} from '../db/schema';
import { normalise } from '../lib/search-text';
import { defaultSectors } from '../network/service';
import { random } from './people';

type SectorKey =
  | 'health'
  | 'engineering'
  | 'it'
  | 'education'
  | 'commerce'
  | 'crafts'
  | 'hospitality'
  | 'other';
const sectorKeys: SectorKey[] = [
  'health',
  'engineering',
  'it',
  'education',
  'commerce',
  'crafts',
  'hospitality',
  'other',
];

/** The reference occupations of the demo cases and the sector each belongs to. */
const sectorOfOccupation: Record<string, SectorKey> = {
  '81302': 'health',
  '81404': 'health',
  '81804': 'health',
  '81712': 'health',
  '31104': 'engineering',
  '25104': 'engineering',
  '43414': 'it',
  '84124': 'education',
  '83112': 'education',
  '26212': 'crafts',
  '72214': 'commerce',
  '29302': 'hospitality',
};

interface DemoInstitution {
  name: string;
  type: InstitutionType;
  sectors?: SectorKey[];
  city: string;
  postcode: string;
  district: string;
  street: string;
  contact?: [name: string, fn: string, language?: string];
}

const SB = { city: 'Saarbrücken', postcode: '66111', district: '10041' };
const NK = { city: 'Neunkirchen', postcode: '66538', district: '10043' };
const SLS = { city: 'Saarlouis', postcode: '66740', district: '10044' };
const HOM = { city: 'Homburg', postcode: '66424', district: '10045' };
const WND = { city: 'St. Wendel', postcode: '66606', district: '10046' };
const MZG = { city: 'Merzig', postcode: '66663', district: '10042' };

// Entirely fictional bodies of real kinds; the authority names match those of the demo cases.
const directory: DemoInstitution[] = [
  {
    name: 'Landesamt für Gesundheitsberufe Saar',
    type: 'recognition_authority',
    sectors: ['health'],
    ...SB,
    street: 'Am Halberg 7',
    contact: ['Dr. Petra Albrecht', 'Sachgebiet Anerkennung Pflege'],
  },
  {
    name: 'Approbationsstelle Saarbrücken',
    type: 'recognition_authority',
    sectors: ['health'],
    ...SB,
    street: 'Franz-Josef-Röder-Str. 21',
    contact: ['Markus Heintz', 'Approbationen Ärzte und Apotheker'],
  },
  {
    name: 'Ingenieurkammer Saarland-West',
    type: 'chamber_professional',
    sectors: ['engineering'],
    ...SB,
    street: 'Hohenzollernstr. 47',
    contact: ['Sabine Ost', 'Anerkennung Ingenieurberufe'],
  },
  {
    name: 'Zentralstelle für ausländisches Bildungswesen',
    type: 'recognition_authority',
    sectors: ['it', 'commerce', 'other'],
    city: 'Bonn',
    postcode: '53117',
    district: '',
    street: 'Graurheindorfer Str. 157',
  },
  {
    name: 'Landesprüfungsamt für Lehrämter Saar',
    type: 'recognition_authority',
    sectors: ['education'],
    ...SB,
    street: 'Trierer Str. 33',
    contact: ['Claudia Brück', 'Anerkennung Lehrkräfte'],
  },
  {
    name: 'Anerkennungsstelle der Industrie- und Handelskammer Saar-Mitte',
    type: 'chamber_ihk',
    sectors: ['crafts', 'commerce', 'engineering'],
    ...SB,
    street: 'Franz-Josef-Röder-Str. 9',
    contact: ['Thomas Klein', 'Berufsanerkennung IHK-Berufe'],
  },
  {
    name: 'Landesamt für Soziales und Jugend Saar',
    type: 'recognition_authority',
    sectors: ['education'],
    ...SB,
    street: 'Hochstr. 67',
    contact: ['Nadine Weiler', 'Anerkennung Erziehungsberufe'],
  },
  {
    name: 'Handwerkskammer Saar-Ost, Anerkennungsberatung',
    type: 'chamber_hwk',
    sectors: ['crafts', 'hospitality'],
    ...NK,
    street: 'Hüttenbergstr. 42',
    contact: ['Jürgen Schäfer', 'Anerkennungsberatung Handwerk'],
  },
  {
    name: 'Jobcenter Regionalverband Saarbrücken-Mitte',
    type: 'job_centre',
    ...SB,
    street: 'Hafenstr. 18',
    contact: ['Stefanie Marx', 'Integrationsfachkraft Migration'],
  },
  {
    name: 'Jobcenter Landkreis Neunkirchen-Süd',
    type: 'job_centre',
    ...NK,
    street: 'Lindenallee 5',
    contact: ['Oliver Becker', 'Arbeitsvermittlung'],
  },
  {
    name: 'Jobcenter Saarlouis-Dillingen',
    type: 'job_centre',
    ...SLS,
    street: 'Kaiser-Wilhelm-Str. 3',
    contact: ['Aysel Kaya', 'Integrationsfachkraft', 'tur'],
  },
  {
    name: 'Agentur für Arbeit Saar-Mitte',
    type: 'employment_agency',
    ...SB,
    street: 'Hafenstr. 18a',
    contact: ['Frank Meyer', 'Arbeitgeberservice'],
  },
  {
    name: 'Ausländerbehörde Regionalverband Saar-Mitte',
    type: 'immigration_authority',
    ...SB,
    street: 'Schlossplatz 2',
    contact: ['Ingrid Lorenz', 'Fachkräfteeinwanderung'],
  },
  {
    name: 'Bildungswerk Burbach gGmbH',
    type: 'training_provider',
    sectors: ['health', 'crafts'],
    ...SB,
    street: 'Bergstr. 12',
    contact: ['Monika Reuter', 'Leitung Anpassungsqualifizierung'],
  },
  {
    name: 'Pflegeakademie Saarlouis',
    type: 'training_provider',
    sectors: ['health'],
    ...SLS,
    street: 'Lisdorfer Str. 8',
    contact: ['Heike Brandt', 'Kursleitung Kenntnisprüfung'],
  },
  {
    name: 'Technikum Homburg e. V.',
    type: 'training_provider',
    sectors: ['engineering', 'crafts', 'it'],
    ...HOM,
    street: 'Talstr. 30',
    contact: ['Dirk Wagner', 'Weiterbildung Technik'],
  },
  {
    name: 'Qualifizierungszentrum St. Wendel',
    type: 'training_provider',
    sectors: ['education', 'commerce'],
    ...WND,
    street: 'Bahnhofstr. 4',
    contact: ['Eva Fuchs', 'Bildungsberatung'],
  },
  {
    name: 'Sprachinstitut am Schlossplatz',
    type: 'language_school',
    ...SB,
    street: 'Schlossplatz 9',
    contact: ['Anna Petrova', 'Kursorganisation', 'rus'],
  },
  {
    name: 'Sprachschule Neunkirchen Mitte',
    type: 'language_school',
    ...NK,
    street: 'Bahnhofstr. 21',
    contact: ['Karim Haddad', 'Einstufung', 'ara'],
  },
  {
    name: 'Medizinisches Sprachzentrum Saar',
    type: 'language_school',
    sectors: ['health'],
    ...HOM,
    street: 'Kirrberger Str. 2',
    contact: ['Dr. Lea Hoffmann', 'Fachsprache Medizin'],
  },
];

const companies: (DemoInstitution & {
  offers: { kind: string; title: string; occupation?: string; level?: string; inDays?: number }[];
})[] = [
  {
    name: 'Klinikum Saarbrücken-Ost',
    type: 'company',
    sectors: ['health'],
    ...SB,
    street: 'Winterberg 3',
    contact: ['Julia Hartmann', 'Pflegedirektion'],
    offers: [
      { kind: 'job', title: 'Pflegefachkraft Innere Medizin', occupation: '81302', level: 'B2' },
      {
        kind: 'internship',
        title: 'Anerkennungspraktikum Pflege',
        occupation: '81302',
        level: 'B1',
        inDays: 30,
      },
    ],
  },
  {
    name: 'Seniorenzentrum Am Rotenbühl',
    type: 'company',
    sectors: ['health'],
    ...SB,
    street: 'Rotenbühler Weg 10',
    contact: ['Michael Groß', 'Einrichtungsleitung'],
    offers: [
      {
        kind: 'qualification',
        title: 'Anpassungsqualifizierung mit Anstellung (Pflege)',
        occupation: '81302',
        level: 'B1',
      },
    ],
  },
  {
    name: 'Ambulanter Pflegedienst Sonnenweg',
    type: 'company',
    sectors: ['health'],
    ...NK,
    street: 'Sonnenweg 2',
    contact: ['Sandra Kühn', 'Pflegedienstleitung'],
    offers: [{ kind: 'trial_work', title: 'Probearbeit Pflegehilfe', occupation: '81302', level: 'A2' }],
  },
  {
    name: 'Praxis für Physiotherapie Lang',
    type: 'company',
    sectors: ['health'],
    ...SLS,
    street: 'Großer Markt 6',
    contact: ['Tobias Lang', 'Inhaber'],
    offers: [
      {
        kind: 'internship',
        title: 'Praktikum Physiotherapie im Anpassungslehrgang',
        occupation: '81712',
        level: 'B2',
      },
    ],
  },
  {
    name: 'Apotheke am Markt Homburg',
    type: 'company',
    sectors: ['health'],
    ...HOM,
    street: 'Marktplatz 1',
    contact: ['Dr. Sven Roth', 'Inhaber'],
    offers: [
      {
        kind: 'internship',
        title: 'Pharmaziepraktikum zur Kenntnisprüfung',
        occupation: '81804',
        level: 'C1',
      },
    ],
  },
  {
    name: 'Kita Regenbogen Völklingen',
    type: 'company',
    sectors: ['education'],
    ...SB,
    street: 'Poststr. 14',
    contact: ['Birgit Jung', 'Kitaleitung'],
    offers: [
      { kind: 'job', title: 'Erzieherin / Erzieher im Anpassungslehrgang', occupation: '83112', level: 'B2' },
    ],
  },
  {
    name: 'Gemeinschaftsschule Neunkirchen-West',
    type: 'company',
    sectors: ['education'],
    ...NK,
    street: 'Schulstr. 3',
    contact: ['Rainer Thiel', 'Schulleitung'],
    offers: [
      { kind: 'internship', title: 'Hospitation Mathematik (Lehrkräfte)', occupation: '84124', level: 'C1' },
    ],
  },
  {
    name: 'Ingenieurbüro Becker & Partner',
    type: 'company',
    sectors: ['engineering'],
    ...SB,
    street: 'Mainzer Str. 88',
    contact: ['Dipl.-Ing. Ute Becker', 'Partnerin'],
    offers: [{ kind: 'job', title: 'Bauingenieur/in Tragwerksplanung', occupation: '31104', level: 'B2' }],
  },
  {
    name: 'Bauunternehmen Saar-Hoch GmbH',
    type: 'company',
    sectors: ['engineering', 'crafts'],
    ...SLS,
    street: 'Industriestr. 15',
    contact: ['Peter Schmitt', 'Personal'],
    offers: [{ kind: 'trial_work', title: 'Probearbeit Bauleitung', occupation: '31104', level: 'B1' }],
  },
  {
    name: 'Maschinenbau Homburg-Nord AG',
    type: 'company',
    sectors: ['engineering'],
    ...HOM,
    street: 'Zweibrücker Str. 120',
    contact: ['Katrin Vogel', 'Recruiting'],
    offers: [
      { kind: 'job', title: 'Konstrukteur/in Maschinenbau', occupation: '25104', level: 'B2' },
      { kind: 'internship', title: 'Praktikum Konstruktion', occupation: '25104', level: 'B1', inDays: 21 },
    ],
  },
  {
    name: 'Elektro Jung GmbH',
    type: 'company',
    sectors: ['crafts'],
    ...WND,
    street: 'Werschweiler Str. 4',
    contact: ['Andreas Jung', 'Meister'],
    offers: [
      {
        kind: 'qualification',
        title: 'Anpassungsqualifizierung Elektroniker/in im Betrieb',
        occupation: '26212',
        level: 'B1',
      },
    ],
  },
  {
    name: 'Autozulieferer Saarwellingen GmbH',
    type: 'company',
    sectors: ['engineering', 'crafts'],
    ...SLS,
    street: 'Am Bruchgraben 1',
    contact: ['Lisa Weber', 'Personalentwicklung'],
    offers: [{ kind: 'job', title: 'Elektroniker/in Betriebstechnik', occupation: '26212', level: 'B1' }],
  },
  {
    name: 'IT-Systemhaus Saarnet',
    type: 'company',
    sectors: ['it'],
    ...SB,
    street: 'Science Park 2',
    contact: ['Daniel Neumann', 'Teamleitung Entwicklung', 'eng'],
    offers: [
      { kind: 'job', title: 'Softwareentwickler/in Java', occupation: '43414', level: 'B1' },
      {
        kind: 'internship',
        title: 'Praktikum IT-Administration',
        occupation: '43414',
        level: 'A2',
        inDays: 14,
      },
    ],
  },
  {
    name: 'Softwarehaus Bliesgau',
    type: 'company',
    sectors: ['it'],
    ...HOM,
    street: 'Blieskasteler Str. 5',
    contact: ['Mara Schulz', 'Geschäftsführung', 'eng'],
    offers: [{ kind: 'trial_work', title: 'Probearbeit Webentwicklung', occupation: '43414', level: 'A2' }],
  },
  {
    name: 'Steuerbüro Morgenthal',
    type: 'company',
    sectors: ['commerce'],
    ...MZG,
    street: 'Poststr. 19',
    contact: ['Gerd Morgenthal', 'Steuerberater'],
    offers: [{ kind: 'job', title: 'Finanzbuchhalter/in', occupation: '72214', level: 'B2' }],
  },
  {
    name: 'Logistikzentrum Saarlouis-Roden',
    type: 'company',
    sectors: ['commerce'],
    ...SLS,
    street: 'Provinzialstr. 50',
    contact: ['Emre Yıldız', 'Schichtleitung', 'tur'],
    offers: [{ kind: 'job', title: 'Sachbearbeitung Disposition', occupation: '72214', level: 'B1' }],
  },
  {
    name: 'Hotel am Staden',
    type: 'company',
    sectors: ['hospitality'],
    ...SB,
    street: 'Am Staden 8',
    contact: ['Claire Dubois', 'Küchenchefin', 'fra'],
    offers: [{ kind: 'job', title: 'Koch / Köchin à la carte', occupation: '29302', level: 'A2' }],
  },
  {
    name: 'Restaurant Zur alten Brauerei',
    type: 'company',
    sectors: ['hospitality'],
    ...NK,
    street: 'Brauereistr. 1',
    contact: ['Holger Franz', 'Inhaber'],
    offers: [{ kind: 'trial_work', title: 'Probearbeit Küche', occupation: '29302', level: 'A2' }],
  },
  {
    name: 'Bäckerei Klein',
    type: 'company',
    sectors: ['crafts', 'hospitality'],
    ...MZG,
    street: 'Hochwaldstr. 7',
    contact: ['Martina Klein', 'Inhaberin'],
    offers: [{ kind: 'internship', title: 'Praktikum Backstube', level: 'A2' }],
  },
  {
    name: 'Stadtwerke Dillingen-Ost',
    type: 'company',
    sectors: ['engineering', 'crafts'],
    ...SLS,
    street: 'Werkstr. 2',
    contact: ['Bernd Hahn', 'Ausbildungsleitung'],
    offers: [{ kind: 'job', title: 'Ingenieur/in Netzplanung', occupation: '25104', level: 'B2' }],
  },
];

interface DemoMeasure {
  title: string;
  type: string;
  provider: string;
  sectors: SectorKey[];
  occupations: string[];
  compensates?: string[];
  online?: boolean;
  weeks: number;
  units?: number;
  capacity: number;
  cost: number;
  funders: string[];
  minLevel?: string;
  entry?: string;
  target?: string;
  description: string;
}

const catalogue: DemoMeasure[] = [
  {
    title: 'Vorbereitung auf die Kenntnisprüfung Pflege',
    type: 'exam_preparation',
    provider: 'Pflegeakademie Saarlouis',
    sectors: ['health'],
    occupations: ['81302'],
    compensates: ['knowledge_test'],
    weeks: 24,
    units: 720,
    capacity: 16,
    cost: 6800,
    funders: ['training_voucher', 'recognition_grant_qualification', 'iq_programme'],
    minLevel: 'B1',
    description:
      'Theorie und Praxis der Pflege in Deutschland, Pflegeplanung, Prüfungssimulation; Praxiseinsätze in Kliniken.',
  },
  {
    title: 'Anpassungsqualifizierung Pflege mit Praxisphase',
    type: 'adaptation_qualification',
    provider: 'Bildungswerk Burbach gGmbH',
    sectors: ['health'],
    occupations: ['81302'],
    compensates: ['adaptation_period', 'adaptation_qualification'],
    weeks: 36,
    units: 900,
    capacity: 14,
    cost: 8200,
    funders: ['training_voucher', 'iq_programme'],
    minLevel: 'B1',
    description:
      'Theoretischer Unterricht und Anpassungslehrgang in Pflegeeinrichtungen; Pflegedokumentation, Gerontologie.',
  },
  {
    title: 'Vorbereitung auf die Kenntnisprüfung Medizin',
    type: 'exam_preparation',
    provider: 'Medizinisches Sprachzentrum Saar',
    sectors: ['health'],
    occupations: ['81404'],
    compensates: ['knowledge_test'],
    weeks: 20,
    units: 480,
    capacity: 12,
    cost: 5400,
    funders: ['iq_programme', 'self_paid', 'recognition_grant_qualification'],
    minLevel: 'C1',
    description:
      'Innere Medizin, Chirurgie, Pharmakologie, Rechtskunde; Simulation der mündlich-praktischen Prüfung.',
  },
  {
    title: 'Fachsprachkurs Medizin C1',
    type: 'language_course',
    provider: 'Medizinisches Sprachzentrum Saar',
    sectors: ['health'],
    occupations: ['81404', '81804'],
    weeks: 16,
    units: 400,
    capacity: 14,
    cost: 2900,
    funders: ['iq_programme', 'self_paid'],
    entry: 'B2',
    target: 'C1',
    description: 'Arzt-Patienten-Gespräch, Dokumentation, Vorbereitung auf die Fachsprachprüfung der Kammer.',
  },
  {
    title: 'Kenntnisprüfung Pharmazie – Vorbereitungskurs',
    type: 'exam_preparation',
    provider: 'Medizinisches Sprachzentrum Saar',
    sectors: ['health'],
    occupations: ['81804'],
    compensates: ['knowledge_test'],
    online: true,
    weeks: 16,
    units: 320,
    capacity: 10,
    cost: 3900,
    funders: ['self_paid', 'iq_programme'],
    minLevel: 'B2',
    description: 'Pharmazeutische Praxis, Arzneimittelrecht, Apothekenbetrieb.',
  },
  {
    title: 'Anpassungslehrgang Physiotherapie',
    type: 'adaptation_qualification',
    provider: 'Bildungswerk Burbach gGmbH',
    sectors: ['health'],
    occupations: ['81712'],
    compensates: ['adaptation_period'],
    weeks: 26,
    units: 600,
    capacity: 10,
    cost: 5600,
    funders: ['training_voucher', 'iq_programme'],
    minLevel: 'B2',
    description: 'Praxisphasen in Praxen und Kliniken mit Begleitunterricht.',
  },
  {
    title: 'Berufssprachkurs Deutsch B1 → B2',
    type: 'language_course',
    provider: 'Sprachschule Neunkirchen Mitte',
    sectors: [],
    occupations: [],
    weeks: 16,
    units: 500,
    capacity: 20,
    cost: 0,
    funders: ['employer', 'land_programme'],
    entry: 'B1',
    target: 'B2',
    description: 'Bundesweiter Berufssprachkurs (DeuFöV), berufsbezogene Kommunikation, Bewerbung.',
  },
  {
    title: 'Berufssprachkurs Deutsch B2 → C1',
    type: 'language_course',
    provider: 'Sprachinstitut am Schlossplatz',
    sectors: [],
    occupations: [],
    weeks: 16,
    units: 500,
    capacity: 18,
    cost: 0,
    funders: ['employer', 'land_programme'],
    entry: 'B2',
    target: 'C1',
    description: 'Berufssprachkurs C1 mit Schwerpunkt akademische Berufe.',
  },
  {
    title: 'Deutsch A2 → B1 für den Beruf',
    type: 'language_course',
    provider: 'Sprachinstitut am Schlossplatz',
    sectors: [],
    occupations: [],
    weeks: 20,
    units: 400,
    capacity: 20,
    cost: 0,
    funders: ['land_programme'],
    entry: 'A2',
    target: 'B1',
    description: 'Alltag und Beruf, Vorbereitung auf die DTZ-Prüfung.',
  },
  {
    title: 'Anpassungsqualifizierung Elektronik (IHK/HWK)',
    type: 'adaptation_qualification',
    provider: 'Technikum Homburg e. V.',
    sectors: ['crafts'],
    occupations: ['26212'],
    compensates: ['adaptation_qualification'],
    weeks: 20,
    units: 560,
    capacity: 12,
    cost: 6100,
    funders: ['training_voucher', 'recognition_grant_qualification'],
    minLevel: 'B1',
    description: 'VDE-Vorschriften, Gebäudetechnik, Messtechnik; betriebliche Phase.',
  },
  {
    title: 'Brückenkurs Bauingenieurwesen: Normen und Baurecht',
    type: 'bridging_course',
    provider: 'Technikum Homburg e. V.',
    sectors: ['engineering'],
    occupations: ['31104'],
    compensates: ['adaptation_qualification'],
    weeks: 12,
    units: 240,
    capacity: 15,
    cost: 3200,
    funders: ['training_voucher', 'iq_programme'],
    minLevel: 'B2',
    description: 'Eurocodes, Bauordnung des Saarlandes, Vergaberecht, Statik nach DIN.',
  },
  {
    title: 'Brückenkurs Maschinenbau: CAD und Normung',
    type: 'bridging_course',
    provider: 'Technikum Homburg e. V.',
    sectors: ['engineering'],
    occupations: ['25104'],
    weeks: 10,
    units: 200,
    capacity: 15,
    cost: 2800,
    funders: ['training_voucher'],
    minLevel: 'B1',
    description: 'CAD-Konstruktion, technische Normung, Qualitätsmanagement.',
  },
  {
    title: 'IT-Weiterbildung Cloud und DevOps',
    type: 'advanced_training',
    provider: 'Technikum Homburg e. V.',
    sectors: ['it'],
    occupations: ['43414'],
    online: true,
    weeks: 16,
    units: 640,
    capacity: 20,
    cost: 7400,
    funders: ['training_voucher'],
    minLevel: 'A2',
    description: 'Linux, Container, Cloud-Plattformen, agile Methoden; Zertifikatsprüfung.',
  },
  {
    title: 'Anpassungslehrgang Erzieherinnen und Erzieher',
    type: 'adaptation_qualification',
    provider: 'Qualifizierungszentrum St. Wendel',
    sectors: ['education'],
    occupations: ['83112'],
    compensates: ['adaptation_period'],
    weeks: 26,
    units: 400,
    capacity: 16,
    cost: 3500,
    funders: ['iq_programme', 'land_programme'],
    minLevel: 'B2',
    description: 'Pädagogische Konzepte, Saarländisches Bildungsprogramm, Praxisbegleitung in Kitas.',
  },
  {
    title: 'Qualifizierung Lehrkräfte mit ausländischem Abschluss',
    type: 'adaptation_qualification',
    provider: 'Qualifizierungszentrum St. Wendel',
    sectors: ['education'],
    occupations: ['84124'],
    compensates: ['adaptation_period'],
    weeks: 40,
    units: 700,
    capacity: 12,
    cost: 0,
    funders: ['land_programme'],
    minLevel: 'C1',
    description: 'Schulrecht, Didaktik, Unterrichtspraxis an saarländischen Schulen.',
  },
  {
    title: 'Weiterbildung Finanzbuchhaltung mit DATEV',
    type: 'advanced_training',
    provider: 'Qualifizierungszentrum St. Wendel',
    sectors: ['commerce'],
    occupations: ['72214'],
    weeks: 12,
    units: 360,
    capacity: 18,
    cost: 3300,
    funders: ['training_voucher', 'activation_voucher'],
    minLevel: 'B1',
    description: 'HGB, Lohn- und Finanzbuchhaltung, DATEV-Praxis.',
  },
  {
    title: 'Anpassungsqualifizierung Koch/Köchin',
    type: 'adaptation_qualification',
    provider: 'Bildungswerk Burbach gGmbH',
    sectors: ['hospitality'],
    occupations: ['29302'],
    compensates: ['adaptation_qualification'],
    weeks: 12,
    units: 300,
    capacity: 12,
    cost: 2600,
    funders: ['training_voucher', 'recognition_grant_qualification'],
    minLevel: 'A2',
    description: 'Hygiene (HACCP), deutsche Küche, Kalkulation; betriebliche Phase.',
  },
  {
    title: 'Bewerbungscoaching für akademische Fachkräfte',
    type: 'coaching',
    provider: 'Qualifizierungszentrum St. Wendel',
    sectors: [],
    occupations: [],
    online: true,
    weeks: 6,
    units: 24,
    capacity: 30,
    cost: 900,
    funders: ['activation_voucher', 'placement_budget'],
    minLevel: 'B1',
    description: 'Bewerbungsunterlagen, Vorstellungsgespräch, Arbeitsmarkt Saarland.',
  },
];

const days = (base: Date, n: number) => new Date(base.getTime() + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The demo organisation's network: recognition bodies, job centres, the employment agency,
 * chambers, providers, language schools, the immigration authority and twenty companies with
 * offers; a measures catalogue; and, for the demo cases, sectors, authorities from the
 * directory, measures under way, offers pursued and the consents they need.
 */
export async function demoNetwork(tx: Db, organisationId: string, counsellorIds: string[]) {
  const rng = random(4711);
  const today = new Date();
  const by = counsellorIds[0]!;
  const stamp = { organisationId, createdBy: by, updatedBy: by };

  await tx
    .insert(sectors)
    .values(defaultSectors.map((name, position) => ({ organisationId, name, position })))
    .onConflictDoNothing();
  const sectorRows = await tx.select().from(sectors).where(eq(sectors.organisationId, organisationId));
  const sectorId = (k: SectorKey) =>
    sectorRows.find((s) => s.name === defaultSectors[sectorKeys.indexOf(k)])!.id;
  const occ = await tx
    .select({ id: occupations.id, code: occupations.code })
    .from(occupations)
    .where(eq(occupations.scheme, 'builtin'));
  const occupationId = (code: string) => occ.find((o) => o.code === code)?.id ?? null;

  const institutionId = new Map<string, string>();
  for (const i of [...directory, ...companies]) {
    const [row] = await tx
      .insert(institutions)
      .values({
        ...stamp,
        name: i.name,
        type: i.type,
        sectorIds: (i.sectors ?? []).map(sectorId),
        district: i.district || null,
        street: i.street,
        postcode: i.postcode,
        city: i.city,
        email: `kontakt@${normalise(i.name).split(' ').slice(0, 2).join('-')}.example`,
        phone: `0681 ${rng.int(1000000, 9999999)}`,
        searchText: normalise(`${i.name} ${i.city}`),
      })
      .returning({ id: institutions.id });
    institutionId.set(i.name, row!.id);
    if (i.contact) {
      const [name, fn, language] = i.contact;
      await tx.insert(institutionContacts).values({
        ...stamp,
        institutionId: row!.id,
        name,
        function: fn,
        email: `${normalise(name).replace(/^dr /, '').split(' ').join('.')}@${normalise(i.name).split(' ')[0]}.example`,
        phone: `0681 ${rng.int(1000000, 9999999)}`,
        language: language ?? 'deu',
        consentToContact: true,
        consentDate: days(today, -rng.int(60, 700)),
      });
    }
  }

  const measureId = new Map<string, string>();
  for (const m of catalogue) {
    const provider = institutionId.get(m.provider)!;
    const first = rng.int(10, 60);
    const [row] = await tx
      .insert(measures)
      .values({
        ...stamp,
        title: m.title,
        type: m.type,
        providerId: provider,
        sectorIds: m.sectors.map(sectorId),
        occupationIds: m.occupations.map(occupationId).filter((x): x is string => Boolean(x)),
        online: m.online ?? false,
        place: m.online ? null : [...directory, ...companies].find((i) => i.name === m.provider)?.city,
        district: m.online ? null : [...directory, ...companies].find((i) => i.name === m.provider)?.district,
        startDates: [days(today, first), days(today, first + 120)],
        durationWeeks: m.weeks,
        teachingUnits: m.units ?? null,
        capacity: m.capacity,
        costCents: m.cost * 100,
        funders: m.funders,
        minLanguageLevel: m.minLevel ?? null,
        entryLevel: m.entry ?? null,
        targetLevel: m.target ?? null,
        compensates: m.compensates ?? [],
        description: m.description,
        searchText: normalise(`${m.title} ${m.description}`),
      })
      .returning({ id: measures.id });
    measureId.set(m.title, row!.id);
  }

  const offerIds: { id: string; employer: string; employerId: string; occupation: string | null }[] = [];
  for (const c of companies) {
    for (const o of c.offers) {
      const [row] = await tx
        .insert(opportunities)
        .values({
          ...stamp,
          employerId: institutionId.get(c.name)!,
          kind: o.kind,
          title: o.title,
          sectorId: sectorId(c.sectors![0]!),
          occupationId: o.occupation ? occupationId(o.occupation) : null,
          district: c.district,
          minLanguageLevel: o.level ?? null,
          startDate: days(today, o.inDays ?? rng.int(20, 90)),
          endDate: o.kind === 'internship' || o.kind === 'trial_work' ? days(today, 120) : null,
          places: o.kind === 'job' ? rng.int(1, 3) : 1,
          description: `${o.title} bei ${c.name}, ${c.city}.`,
          searchText: normalise(`${o.title} ${c.name}`),
        })
        .returning({ id: opportunities.id });
      offerIds.push({
        id: row!.id,
        employer: c.name,
        employerId: institutionId.get(c.name)!,
        occupation: o.occupation ?? null,
      });
    }
  }

  // The cases: their sector, the authority from the directory, and the network at work for them.
  const cases = await tx
    .select({
      id: clients.id,
      stage: clients.stage,
      owner: clients.ownerId,
      district: clients.district,
      code: occupations.code,
    })
    .from(clients)
    .leftJoin(qualifications, eq(qualifications.clientId, clients.id))
    .leftJoin(occupations, eq(occupations.id, qualifications.referenceOccupationId))
    .where(eq(clients.organisationId, organisationId));
  for (const [code, key] of Object.entries(sectorOfOccupation)) {
    const ids = cases.filter((c) => c.code === code).map((c) => c.id);
    if (ids.length)
      await tx
        .update(clients)
        .set({ sectorId: sectorId(key) })
        .where(inArray(clients.id, ids));
  }
  for (const [name, id] of institutionId) {
    await tx
      .update(recognitionProcedures)
      .set({ authorityInstitutionId: id })
      .where(
        and(
          eq(recognitionProcedures.organisationId, organisationId),
          eq(recognitionProcedures.authorityName, name),
        ),
      );
  }

  const jobCentre = institutionId.get('Jobcenter Regionalverband Saarbrücken-Mitte')!;
  const history = (statuses: string[], from: number, owner: string) =>
    statuses.map((status, i) => ({
      status,
      at: new Date(`${days(today, from + i * 12)}T09:30:00Z`).toISOString(),
      by: owner,
    }));
  const measureFor = (code: string | null) =>
    catalogue.find((m) => code && m.occupations.includes(code) && m.type !== 'language_course');
  for (const c of cases) {
    const base = { organisationId, clientId: c.id, createdBy: c.owner, updatedBy: c.owner };
    const m = measureFor(c.code);
    if (!m) continue;
    if (c.stage === 'in_measures' || c.stage === 'job_search' || c.stage === 'placed') {
      const statuses =
        c.stage === 'in_measures'
          ? ['proposed', 'applied', 'funding_requested', 'funded', 'started']
          : ['proposed', 'applied', 'funded', 'started', 'completed'];
      const done = c.stage !== 'in_measures';
      await tx.insert(clientMeasures).values({
        ...base,
        measureId: measureId.get(m.title)!,
        status: statuses.at(-1)!,
        history: history(statuses, done ? -200 : -70, c.owner),
        funderId: jobCentre,
        fundingType: m.funders[0],
        amountCents: m.cost * 100,
        startDate: days(today, done ? -150 : -20),
        endDate: days(today, done ? -10 : m.weeks * 7 - 20),
        outcomeNote: done ? 'Erfolgreich abgeschlossen; Bescheinigung liegt vor.' : null,
      });
      await tx.insert(contacts).values({
        ...base,
        kind: 'coordination',
        occurredOn: days(today, done ? -160 : -40),
        channel: 'phone',
        institutionId: jobCentre,
        institutionName: 'Jobcenter Regionalverband Saarbrücken-Mitte',
        topic: `Förderung: ${m.title}`,
        result: 'Bildungsgutschein zugesagt.',
      });
    } else if (c.stage === 'planning') {
      await tx.insert(clientMeasures).values({
        ...base,
        measureId: measureId.get(m.title)!,
        status: 'proposed',
        history: history(['proposed'], -5, c.owner),
      });
    }
    // Cases looking for work agreed to their profile going to an employer whose offer fits.
    const offer = offerIds.find((o) => o.occupation === c.code);
    if (offer && (c.stage === 'job_search' || c.stage === 'placed' || c.stage === 'in_measures')) {
      const [consent] = await tx
        .insert(consents)
        .values({
          ...base,
          purposes: ['employer_profile'],
          institutions: [offer.employer],
          institutionIds: [offer.employerId],
          dataCategories: ['identity', 'contact', 'qualifications', 'language'],
          scope: 'identified',
          formLanguage: 'deu',
          givenOn: days(today, -60),
          validUntil: days(today, 300),
        })
        .returning({ id: consents.id });
      if (c.stage === 'in_measures') continue; // consent only: a candidate for the offer
      const placed = c.stage === 'placed';
      const statuses = placed
        ? ['suggested', 'introduced', 'interview', 'offer', 'started']
        : ['suggested', 'introduced'];
      await tx.insert(clientOpportunities).values({
        ...base,
        opportunityId: offer.id,
        status: statuses.at(-1)!,
        history: history(statuses, -50, c.owner),
        employerFeedback: placed ? 'Fachlich stark; Einarbeitung mit Sprachbegleitung.' : null,
      });
      await tx.insert(disclosures).values({
        organisationId,
        clientId: c.id,
        institutionId: offer.employerId,
        recipientName: offer.employer,
        purpose: 'employer_profile',
        dataCategories: ['identity', 'contact', 'qualifications', 'language'],
        consentId: consent!.id,
        at: new Date(`${days(today, -38)}T11:00:00Z`),
        byUserId: c.owner,
      });
    }
  }
}
