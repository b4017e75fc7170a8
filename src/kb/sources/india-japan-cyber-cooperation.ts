/**
 * Source article 1: India-Japan cyber cooperation (The Diplomat, early 2021). Block texts are copied
 * byte-exact from ../shared/sources/india-japan-cyber-cooperation.txt; title and subtitle are metadata, not
 * blocks. The one \u00a0 escape is the original no-break space, written as an escape so that it stays visible.
 */
import type { SourceDoc } from '../../shared/kb-types';

/**
 * “India-Japan Cyber Cooperation: From Strength to Strength” by Prakash Panneerselvam (The Diplomat, early
 * 2021): one block per paragraph; page furniture (“Recent Features”, repeated title lines, section label,
 * photo credit) removed.
 */
export const source: SourceDoc = {
  id: 'india-japan-cyber-cooperation',
  title: 'India-Japan Cyber Cooperation: From Strength to Strength',
  subtitle: 'Both Tokyo and New Delhi share common concerns about China – including on cyberspace.',
  author: 'Prakash Panneerselvam',
  authorAffiliation: 'National Institute of Advanced Studies, Bengaluru',
  publication: 'The Diplomat',
  approxDate: 'early 2021',
  section: 'Flashpoints | Security | South Asia',
  blocks: [
    {
      kind: 'paragraph',
      text: 'Fifth generation internet technology – 5G – is emerging as an important tool of strategic cooperation. Many countries across the globe are in the middle of intense discussions in deciding vendors and ensuring cybersecurity in their 5G services. The Chinese telecommunication giants Huawei and ZTE are leading the 5G technology market. However, many have also raised severe concern over the security issues around their 5G service. Many countries including the United States, the United Kingdom, Australia, and some European countries have blacklisted Huawei and ZTE Network from participating in the 5G selection process. However, India and Japan remain unsure about whether to exclude the two Chinese firms from their 5G vendor selection process.',
    },
    {
      kind: 'paragraph',
      text: 'The two countries have also stepped up the cooperation on information and communications technology (ICT) and cybersecurity to enhance joint efforts around 5G technology, as well as security of information infrastructure. In the latest development in this direction, the two countries have reached an agreement on ICT cooperation and signed a Memorandum of Understanding (MoU) through a video conference on January 15. In the wake of increased tensions with China, India-Japan cooperation in the ICT sector is seen as a countermove to China’s growing influence in the telecommunications and digital infrastructure.',
    },
    {
      kind: 'paragraph',
      text: 'In India, defense experts fear allowing Huawei and ZTE’s 5G technology in India would seriously compromise the entire command and communication structure of the Indian military. Since the national security and economy depends on a shared, interoperable infrastructure, and because many national security communications systems ride on top of commercial infrastructure, cybersecurity experts fear that 5G equipment imported from China would seriously jeopardize not only Indian digital infrastructure but also its defense cooperation with friendly foreign countries. For example, the India-United States Basic Exchange and Cooperation Agreement (BECA) along with the Communication Capability and Security Agreement (COMCASA) provides India real time information on geospatial intelligence and access to topographical and aeronautical data, which would significantly enhance the accuracy of India’s strike capabilities against Pakistan and China. Military communications are critically dependent on ICT infrastructure; if there is a potential that Indian communications network can be illegally accessed by third parties, it would strengthen fears that the technology and confidential military data of both the U.S. and India are not secure.',
    },
    {
      kind: 'paragraph',
      text: 'On 5G technology, Japan adopted a cross-vendor approach to increase competition, \u00a0incentivizing Japanese companies investing in 5G infrastructure. However, Japanese concern over Chinese cyberattacks poses a serious military challenge. The country’s Defense White Paper 2020 has pointed out the Chinese and Russian militaries are bolstering offensive cyber capability against their adversaries’ military capability and civilian infrastructure. In January last year, Mitsubishi Electric reported that a cyberattack on the company led to leaking of defense equipment requirements specified by the government for bidders. In 2018, the “National Defense Program Guideline for FY 2019 and Beyond” had recognized cyberspace, along with space and electromagnetic spectrum, as a new domain for warfighting, which has potential to change the existing paradigm of Japanese national security. The Guideline is poised to promote jointness among the Ground Self Defense Force (GSDF), Maritime Self-Defense Force (MSDF), and Air Self Defense Force (ASDF) to improve cross-domain operations. Japan is also seeking to expand cooperation in the cyber domain with friendly countries, including India.',
    },
    {
      kind: 'paragraph',
      text: 'The India-Japan cyber dialogue is on an upward trajectory following the two countries agreeing to beef up cooperation toward the security of critical digital infrastructure, share information on recent cyberattack incidents and responses, and formulate supply chain risk mitigation strategies. The recent agreement would foster strong cooperation in building Indian telecommunication and digital infrastructure in various field – including 5G technology, building telecom security, submarine optical fiber cable system to connect Indian islands, spectrum management, high-altitude platforms for broadband in unconnected areas, disaster management and public safety, among others.',
    },
    {
      kind: 'paragraph',
      text: 'The Japanese company NEC has already laid the submarine optical fiber cables connecting Chennai and the Andaman and Nicobar Islands. As a next step, the Indian government is planning to connect Lakshadweep Island to the mainland with submarine optical fiber cable. NEC, which already has experience in laying submarine cable in Indian waters, may be the preferred choice of the government for this project. The agreement would also encourage Japanese investors to invest in the Indian telecom sector and participate in the development of future tech like 6G technology (which Japan is planning to put into practical use in 2030) in India.',
    },
    {
      kind: 'paragraph',
      text: 'India-Japan tech cooperation is also looking to expand to joint research in emerging technologies. The agreement calls for joint research in mutually beneficial fields, such as the development of an electronic ecosystem, digital talents, R&D cooperation, and security for future digital networks. The Artificial Intelligence Research Center (AIRC) at the National Institute of Advanced Industrial Science and Technology (AIST), Japan and the Indian Institute of Technology Hyderabad in India jointly declared their comprehensive cooperation relationship in the field of AI. This will facilitate joint research activities and scholarly exchanges around AI. Both countries have also shown interest in promoting cooperation in other emerging technologies such as the Internet of Things (IoT) and robotics as well.',
    },
    {
      kind: 'bio',
      text: 'Prakash Panneerselvam, Ph.D, is an assistant professor at the National Institute of Advanced Studies, Bengaluru, India.',
    },
  ],
};
