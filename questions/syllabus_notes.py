"""What each 0580 syllabus item covers, keyed by item number ("1.1") or by code ("E1.1")
where the Extended notes differ from the Core ones."""

from __future__ import annotations

NOTES: dict[str, str] = {
    # 1 Number
    "1.1": (
        "Identify and use natural numbers, integers (positive, zero and negative), prime numbers, "
        "square numbers, cube numbers, common factors, common multiples, rational and irrational "
        "numbers, and reciprocals. Includes expressing numbers as a product of prime factors and "
        "finding the highest common factor (HCF) and lowest common multiple (LCM) of two or more "
        "numbers, e.g. π and √2 are irrational."
    ),
    "C1.2": (
        "Understand and use set language, notation and Venn diagrams to describe sets and "
        "represent relationships between sets. Notation includes the universal set 𝓔, "
        "A ∪ B, A ∩ B, the complement A′, n(A), ∈ and ∉. Venn diagrams are limited to two sets."
    ),
    "E1.2": (
        "Understand and use set language, notation and Venn diagrams to describe sets and "
        "represent relationships between sets, e.g. A = {x : x is a natural number}. Notation "
        "includes 𝓔, A ∪ B, A ∩ B, A′, n(A), ∈, ∉, the empty set ∅ and subsets (⊆, ⊂). "
        "Venn diagrams may have up to three sets."
    ),
    "1.3": (
        "Calculate with squares, square roots, cubes, cube roots, and other powers and roots of "
        "numbers, e.g. 2^5, √64, ∛27."
    ),
    "C1.4": (
        "Use the language and notation of proper and improper fractions, mixed numbers, "
        "decimals and percentages. Recognise equivalence and convert between these forms, "
        "e.g. 3/8 = 0.375 = 37.5%."
    ),
    "E1.4": (
        "Use the language and notation of proper and improper fractions, mixed numbers, "
        "decimals and percentages. Recognise equivalence and convert between these forms, "
        "e.g. 3/8 = 0.375 = 37.5%. Includes converting recurring decimals to fractions, "
        "e.g. 0.5̇ = 5/9."
    ),
    "1.5": (
        "Order quantities by magnitude, including integers, fractions, decimals and percentages, "
        "and demonstrate familiarity with the symbols =, ≠, >, <, ≥ and ≤."
    ),
    "1.6": (
        "Use the four operations for calculations with integers, fractions and decimals, "
        "including correct ordering of operations and use of brackets. Includes negative "
        "numbers, improper fractions and mixed numbers, and practical situations, "
        "e.g. temperature changes."
    ),
    "C1.7": (
        "Understand and use indices (positive, zero and negative integers), e.g. 5^−2 = 1/25. "
        "Understand and use the rules of indices, e.g. find the value of 2^−3 × 2^4, (2^3)^2 "
        "and 2^3 ÷ 2^4."
    ),
    "E1.7": (
        "Understand and use indices (positive, zero, negative and fractional), e.g. 5^−2 = 1/25, "
        "64^(1/3) = 4, 8^(2/3) = 4. Understand and use the rules of indices, e.g. find the value "
        "of 2^−3 × 2^4, (2^3)^2 and 2^3 ÷ 2^4."
    ),
    "1.8": (
        "Use the standard form A × 10^n where n is a positive or negative integer and "
        "1 ≤ A < 10. Convert numbers into and out of standard form, and calculate with values "
        "in standard form, e.g. 4.2 × 10^6 and 3.6 × 10^−4."
    ),
    "1.9": (
        "Round values to a specified degree of accuracy, e.g. decimal places or significant "
        "figures. Make estimates for calculations involving numbers, quantities and "
        "measurements, e.g. by rounding each value to 1 significant figure. Round answers to a "
        "reasonable degree of accuracy in the context of a given problem."
    ),
    "C1.10": (
        "Give upper and lower bounds for data rounded to a specified accuracy, e.g. measured "
        "lengths. Bounds may be written in the form a ≤ x < b, e.g. a length of 5 cm correct to "
        "the nearest centimetre satisfies 4.5 ≤ x < 5.5."
    ),
    "E1.10": (
        "Give upper and lower bounds for data rounded to a specified accuracy, e.g. measured "
        "lengths. Find upper and lower bounds of the results of calculations which have used "
        "data rounded to a specified accuracy, e.g. the upper bound of the area of a rectangle "
        "or of an average speed."
    ),
    "1.11": (
        "Understand and use ratio and proportion to give ratios in their simplest form, divide "
        "a quantity in a given ratio, and use proportional reasoning and ratios in context, "
        "e.g. adapting recipes or finding the best value for money."
    ),
    "1.12": (
        "Use common measures of rate, e.g. hourly rates of pay, exchange rates between "
        "currencies, flow rates and fuel consumption. Apply other measures of rate, e.g. "
        "pressure, density and population density. Solve problems involving average speed."
    ),
    "C1.13": (
        "Calculate a given percentage of a quantity and express one quantity as a percentage of "
        "another. Calculate percentage increase or decrease, and calculate with simple and "
        "compound interest. Contexts include discount, profit and loss, earnings and tax."
    ),
    "E1.13": (
        "Calculate a given percentage of a quantity and express one quantity as a percentage of "
        "another. Calculate percentage increase or decrease, and calculate with simple and "
        "compound interest. Calculate using reverse percentages, e.g. find the cost price given "
        "the selling price and the percentage profit."
    ),
    "1.14": (
        "Use a calculator efficiently, enter values appropriately and interpret the calculator "
        "display appropriately, e.g. a display of 4.8 for a sum of money means $4.80, and "
        "2.5 hours means 2 hours 30 minutes."
    ),
    "1.15": (
        "Calculate with time: seconds, minutes, hours, days, weeks, months and years, including "
        "the relationship between units. Calculate times using the 24-hour and 12-hour clock, "
        "and read clocks and timetables."
    ),
    "1.16": (
        "Calculate with money, including practical problems such as bills and wages. Convert "
        "from one currency to another using a given exchange rate."
    ),
    "1.17": (
        "Use exponential growth and decay in practical contexts, e.g. depreciation, population "
        "growth or bacterial growth. Includes calculations of the form value = a × r^n, such as "
        "repeated percentage change, and finding the number of steps needed to reach a value."
    ),
    "1.18": (
        "Understand and use surds, including simplifying expressions, e.g. √20 = 2√5 and "
        "√200 − √32 = 6√2. Rationalise the denominator, e.g. 10/√5 = 2√5 and "
        "1/(√3 − 1) = (√3 + 1)/2."
    ),
    # 2 Algebra and graphs
    "2.1": (
        "Know that letters can be used to represent generalised numbers. Substitute numbers "
        "into expressions and formulas, including negative numbers and fractions."
    ),
    "C2.2": (
        "Simplify expressions by collecting like terms. Expand products of algebraic "
        "expressions, e.g. 3x(2x − 4y) and (x + 4)(x − 7). Factorise by extracting common "
        "factors, e.g. 9x² + 15xy = 3x(3x + 5y)."
    ),
    "E2.2": (
        "Simplify expressions by collecting like terms. Expand products of algebraic "
        "expressions, e.g. (x + 4)(x − 7) and (2x − 1)(x + 3)(x + 2). Factorise by common "
        "factors, grouping, the difference of two squares and quadratic trinomials, e.g. "
        "9x² − 16y² = (3x − 4y)(3x + 4y) and 6x² + 11x − 10 = (2x + 5)(3x − 2). Complete the "
        "square for expressions of the form ax² + bx + c."
    ),
    "2.3": (
        "Manipulate algebraic fractions, adding, subtracting, multiplying and dividing them, "
        "e.g. x/3 + (x − 4)/2 and 3a/4 × 9a/10. Factorise and simplify rational expressions, "
        "e.g. (x² − 2x)/(x² − 5x + 6) = x/(x − 3)."
    ),
    "C2.4": (
        "Understand and use indices (positive, zero and negative) in algebraic expressions. "
        "Understand and use the rules of indices to simplify expressions, e.g. "
        "3x^−4 × 2x^5 = 6x and (2x^3)^4 = 16x^12."
    ),
    "E2.4": (
        "Understand and use indices (positive, zero, negative and fractional) in algebraic "
        "expressions. Understand and use the rules of indices to simplify expressions, e.g. "
        "(2x^3)^4 = 16x^12 and 5x^(1/2) × 3x^(−5/2) = 15x^−2."
    ),
    "C2.5": (
        "Construct expressions, equations and formulas. Solve linear equations in one unknown, "
        "e.g. 3x + 4 = 10 or 5(x − 2) = 2x + 1. Solve simultaneous linear equations in two "
        "unknowns. Change the subject of simple formulas, e.g. make r the subject of C = 2πr."
    ),
    "E2.5": (
        "Construct expressions, equations and formulas. Solve linear equations, including "
        "fractional equations with numerical and linear algebraic denominators, and "
        "simultaneous equations with two unknowns, including one linear and one non-linear "
        "equation. Solve quadratic equations by factorisation, completing the square and the "
        "quadratic formula. Change the subject of formulas, including where the subject "
        "appears twice or in a power or root."
    ),
    "C2.6": (
        "Represent and interpret inequalities using the symbols <, ≤, > and ≥, including on a "
        "number line with open and closed circles, e.g. −2 < x ≤ 3. List integers that satisfy "
        "a given inequality."
    ),
    "E2.6": (
        "Represent and interpret inequalities, including on a number line. Construct, solve "
        "and interpret linear inequalities, e.g. 3x − 1 < 8 or 2 ≤ 5x + 2 < 17. Represent and "
        "interpret linear inequalities in two variables graphically, and list the inequalities "
        "that define a given region."
    ),
    "C2.7": (
        "Continue a given number sequence or pattern and recognise patterns, including the "
        "term-to-term rule and relationships between different sequences. Find and use the "
        "nth term of sequences: linear, simple quadratic and simple cubic, e.g. 3n + 2, n² and n³."
    ),
    "E2.7": (
        "Continue a given number sequence or pattern and recognise patterns, including the "
        "term-to-term rule and relationships between different sequences. Find and use the "
        "nth term of sequences: linear, quadratic, cubic and exponential, and simple "
        "combinations of these, e.g. the nth term of 2, 6, 18, 54, … is 2 × 3^(n−1)."
    ),
    "2.8": (
        "Express direct and inverse proportion in algebraic terms and use this form of "
        "expression to find unknown quantities. Includes proportion to powers and roots, "
        "e.g. y varies directly as the square of x (y = kx²) or inversely as the square root "
        "of x (y = k/√x)."
    ),
    "C2.9": (
        "Use and interpret graphs in practical situations, including travel graphs and "
        "conversion graphs, e.g. find a speed from a distance–time graph. Draw graphs from "
        "given data."
    ),
    "E2.9": (
        "Use and interpret graphs in practical situations, including travel graphs and "
        "conversion graphs, and draw graphs from given data. Apply the idea of rate of change "
        "to simple kinematics involving distance–time and speed–time graphs, acceleration and "
        "deceleration. Calculate distance travelled as the area under a speed–time graph."
    ),
    "C2.10": (
        "Construct tables of values, and draw, recognise and interpret graphs of functions of "
        "the form ax + b, ±x² + ax + b and a/x (x ≠ 0), where a and b are integer constants. "
        "Solve associated equations graphically, including finding and interpreting roots."
    ),
    "E2.10": (
        "Construct tables of values, and draw, recognise and interpret graphs of functions of "
        "the form ax^n (n = −2, −1, −1/2, 0, 1/2, 1, 2, 3), ab^x + c, and simple sums of not "
        "more than three of these. Solve associated equations graphically, including finding "
        "and interpreting roots and using the intersection of a graph with a straight line. "
        "Draw and use tangents to estimate gradients of curves."
    ),
    "C2.11": (
        "Recognise, sketch and interpret graphs of linear and quadratic functions. Sketches "
        "should show key features such as intercepts with the axes, roots, symmetry and "
        "turning points."
    ),
    "E2.11": (
        "Recognise, sketch and interpret graphs of linear, quadratic, cubic, reciprocal and "
        "exponential functions. Sketches should show key features such as intercepts with the "
        "axes, roots, turning points, symmetry and asymptotes."
    ),
    "2.12": (
        "Estimate gradients of curves by drawing tangents. Use the derivatives of functions of "
        "the form ax^n, where a is a rational constant and n is a positive integer or zero, and "
        "simple sums of not more than three of these, e.g. d/dx(2x³ − 5x + 1) = 6x² − 5. Apply "
        "differentiation to gradients and stationary (turning) points, and distinguish between "
        "maxima and minima."
    ),
    "2.13": (
        "Understand functions, domain and range, and use function notation, e.g. f(x) = 3x − 5 "
        "and f: x ↦ 3x − 5. Understand and find inverse functions f⁻¹(x). Form composite "
        "functions as defined by gf(x) = g(f(x))."
    ),
    # 3 Coordinate geometry
    "3.1": "Use and interpret Cartesian coordinates in two dimensions, in all four quadrants.",
    "3.2": (
        "Draw straight-line graphs for linear equations, e.g. y = 2x − 3, x + y = 5 and "
        "vertical or horizontal lines such as x = 2 and y = −1."
    ),
    "C3.3": (
        "Find the gradient of a straight line drawn on a grid, as the vertical change divided "
        "by the horizontal change, and interpret positive, negative and zero gradients."
    ),
    "E3.3": (
        "Find the gradient of a straight line. Calculate the gradient of a straight line from "
        "the coordinates of two points on it, e.g. the line through (1, 3) and (4, 9) has "
        "gradient 2."
    ),
    "3.4": (
        "Calculate the length and the coordinates of the midpoint of a straight line segment "
        "from the coordinates of its end points."
    ),
    "C3.5": (
        "Interpret and obtain the equation of a straight-line graph in the form y = mx + c, "
        "identifying the gradient m and the y-intercept c, e.g. find the equation of a line "
        "drawn on a grid."
    ),
    "E3.5": (
        "Interpret and obtain the equation of a straight-line graph, including in the form "
        "y = mx + c. Find the equation of a line given its gradient and a point on it, or "
        "given two points on it, and rearrange equations such as ax + by = c."
    ),
    "3.6": (
        "Find the gradient and equation of a straight line parallel to a given line, e.g. find "
        "the equation of the line parallel to y = 4x − 1 that passes through (0, 3)."
    ),
    "3.7": (
        "Find the gradient and equation of a straight line perpendicular to a given line, using "
        "the fact that the product of the gradients of perpendicular lines is −1. Includes "
        "finding the equation of the perpendicular bisector of a line segment."
    ),
    # 4 Geometry
    "4.1": (
        "Use and interpret the geometrical terms: point, vertex, line, plane, parallel, "
        "perpendicular, perpendicular bisector, bearing, right angle, acute, obtuse and reflex "
        "angles, interior and exterior angles, similar, congruent and scale factor. Use and "
        "interpret the vocabulary of triangles, special quadrilaterals, polygons, nets and "
        "simple solids. Understand and use the vocabulary of the circle: centre, radius, "
        "diameter, circumference, semicircle, chord, tangent, arc, sector and segment."
    ),
    "4.2": (
        "Measure and draw lines and angles. Construct a triangle, given the lengths of all "
        "sides, using a ruler and pair of compasses only. Draw, use and interpret nets of "
        "simple solids."
    ),
    "4.3": (
        "Draw and interpret scale drawings, using a given scale, e.g. 1 : 50 000 or 1 cm to "
        "2 km. Use and interpret three-figure bearings, measured clockwise from north, "
        "e.g. 065°."
    ),
    "C4.4": (
        "Calculate lengths of similar shapes using the scale factor, e.g. find a missing side "
        "of one of two similar triangles."
    ),
    "E4.4": (
        "Calculate lengths of similar shapes. Use the relationships between lengths and areas "
        "of similar shapes and between lengths, surface areas and volumes of similar solids, "
        "e.g. area scale factor k² and volume scale factor k³. Solve problems and give simple "
        "explanations involving similarity."
    ),
    "C4.5": (
        "Recognise line symmetry and order of rotational symmetry in two dimensions, e.g. "
        "state the number of lines of symmetry and the order of rotational symmetry of a "
        "regular polygon."
    ),
    "E4.5": (
        "Recognise line symmetry and order of rotational symmetry in two dimensions. Recognise "
        "symmetry properties of prisms, cylinders, pyramids and cones, e.g. planes of symmetry "
        "and axes of rotational symmetry."
    ),
    "4.6": (
        "Calculate unknown angles and give simple explanations using: angles at a point sum to "
        "360°; angles on a straight line sum to 180°; vertically opposite angles are equal; "
        "angle sums of triangles and quadrilaterals; and angles formed with parallel lines "
        "(corresponding, alternate, co-interior). Know and use the angle properties of regular "
        "and irregular polygons, including interior and exterior angles."
    ),
    "C4.7": (
        "Calculate unknown angles and give explanations using the circle properties: the angle "
        "in a semicircle is 90°, and the angle between a tangent and a radius is 90°."
    ),
    "E4.7": (
        "Calculate unknown angles and give explanations using the circle theorems: angle in a "
        "semicircle = 90°; angle between tangent and radius = 90°; angle at the centre is twice "
        "the angle at the circumference; angles in the same segment are equal; opposite angles "
        "of a cyclic quadrilateral sum to 180°; alternate segment theorem."
    ),
    "4.8": (
        "Use the symmetry properties of circles: equal chords are equidistant from the centre; "
        "the perpendicular bisector of a chord passes through the centre; tangents from an "
        "external point are equal in length. Give reasons in calculations and explanations."
    ),
    # 5 Mensuration
    "5.1": (
        "Use metric units of mass, length, area, volume and capacity in practical situations "
        "and convert quantities into larger or smaller units, e.g. mm, cm, m, km; mm², cm², "
        "m²; cm³, m³; ml, l; g, kg. Includes conversions such as 1 m² = 10 000 cm² and "
        "1 litre = 1000 cm³."
    ),
    "5.2": (
        "Carry out calculations involving the perimeter and area of a rectangle, triangle, "
        "parallelogram and trapezium."
    ),
    "C5.3": (
        "Carry out calculations involving the circumference and area of a circle. Calculate "
        "arc length and sector area as fractions of the circumference and area of a circle, "
        "where the sector angle is a factor of 360°, e.g. 90° or 60°."
    ),
    "E5.3": (
        "Carry out calculations involving the circumference and area of a circle. Calculate "
        "arc length and sector area as fractions of the circumference and area of a circle for "
        "any sector angle. Answers may be required in terms of π."
    ),
    "5.4": (
        "Carry out calculations and solve problems involving the surface area and volume of a "
        "cuboid, prism, cylinder, sphere, pyramid and cone. Formulas for the sphere, pyramid "
        "and cone are given where needed."
    ),
    "5.5": (
        "Carry out calculations and solve problems involving perimeters and areas of compound "
        "shapes, and surface areas and volumes of compound solids and parts of shapes, e.g. a "
        "hemisphere, a semicircular prism or a cone on a cylinder."
    ),
    # 6 Trigonometry
    "6.1": (
        "Know and use Pythagoras' theorem to find an unknown side of a right-angled triangle, "
        "including in practical problems."
    ),
    "6.2": (
        "Know and use the sine, cosine and tangent ratios for acute angles in calculations "
        "involving sides and angles of a right-angled triangle. Solve problems in two "
        "dimensions using Pythagoras' theorem and trigonometry, including angles of elevation "
        "and depression and bearings. Know that the perpendicular distance from a point to a "
        "line is the shortest distance to the line."
    ),
    "6.3": (
        "Know the exact values of sin x and cos x for x = 0°, 30°, 45°, 60° and 90°, and of "
        "tan x for x = 0°, 30°, 45° and 60°, e.g. sin 60° = √3/2. Use them in calculations "
        "without a calculator."
    ),
    "6.4": (
        "Recognise, sketch and interpret the graphs of y = sin x, y = cos x and y = tan x for "
        "0° ≤ x ≤ 360°. Solve trigonometric equations involving sin x, cos x or tan x for "
        "0° ≤ x ≤ 360°, e.g. 4 sin x = 3."
    ),
    "6.5": (
        "Use the sine and cosine rules in calculations involving lengths and angles for any "
        "triangle, including problems involving obtuse angles. Use the formula "
        "area of triangle = ½ab sin C."
    ),
    "6.6": (
        "Carry out calculations and solve problems in three dimensions using Pythagoras' "
        "theorem and trigonometry, e.g. the length of a diagonal of a cuboid. Includes "
        "calculating the angle between a line and a plane."
    ),
    # 7 Transformations and vectors
    "C7.1": (
        "Recognise, describe and draw: reflection of a shape in a vertical or horizontal line; "
        "rotation of a shape about a centre through multiples of 90°; enlargement of a shape "
        "from a centre by a positive or fractional scale factor; translation of a shape by a "
        "column vector. Descriptions must give all the details, e.g. the centre, angle and "
        "direction of a rotation."
    ),
    "E7.1": (
        "Recognise, describe and draw: reflection of a shape in a straight line; rotation of a "
        "shape about a centre through multiples of 90°; enlargement of a shape from a centre "
        "by a scale factor, including positive, fractional and negative scale factors; "
        "translation of a shape by a column vector. Descriptions must give all the details, "
        "e.g. the line of reflection or the centre and scale factor of an enlargement."
    ),
    "7.2": (
        "Describe a translation using a vector represented by a column vector (x, y), AB→ or a. "
        "Add and subtract vectors, and multiply a vector by a scalar."
    ),
    "7.3": (
        "Calculate the magnitude of a vector with components x and y as √(x² + y²), e.g. the "
        "magnitude of the vector (3, −4) is 5. Notation |a| or |AB→|."
    ),
    "7.4": (
        "Represent vectors by directed line segments and use position vectors. Use the sum and "
        "difference of two or more vectors to express given vectors in terms of two coplanar "
        "vectors. Use vectors to reason and solve geometric problems, e.g. show that lines are "
        "parallel or that points are collinear."
    ),
    # 8 Probability
    "8.1": (
        "Understand and use the probability scale from 0 to 1 and the notation P(A). "
        "Calculate the probability of a single event. Understand that the probability of an "
        "event not occurring = 1 − the probability of the event occurring, e.g. if "
        "P(A) = 0.8 then P(A′) = 0.2. Probabilities are given as fractions, decimals or "
        "percentages."
    ),
    "8.2": (
        "Understand relative frequency as an estimate of probability, e.g. from the results of "
        "an experiment with a biased spinner. Calculate expected frequencies, e.g. the expected "
        "number of sixes in 120 rolls of a fair dice."
    ),
    "8.3": (
        "Calculate the probability of combined events using, where appropriate, sample space "
        "diagrams, Venn diagrams and tree diagrams. Includes independent events and the "
        "addition of probabilities of mutually exclusive outcomes; tree diagrams may involve "
        "selection with or without replacement."
    ),
    "8.4": (
        "Calculate conditional probability using Venn diagrams, tree diagrams and tables, "
        "e.g. the probability that a student studies French given that they study Spanish. "
        "Includes dependent events such as selection without replacement."
    ),
    # 9 Statistics
    "9.1": (
        "Classify and tabulate statistical data, e.g. as discrete or continuous, using tally "
        "charts, frequency tables and two-way tables."
    ),
    "9.2": (
        "Read, interpret and draw simple inferences from tables and statistical diagrams. "
        "Compare sets of data using tables, graphs and statistical measures, e.g. averages "
        "and measures of spread. Appreciate restrictions on drawing conclusions from given "
        "data."
    ),
    "C9.3": (
        "Calculate the mean, median, mode and range for individual data and data given in "
        "frequency tables, and distinguish between the purposes for which these are used, "
        "e.g. the effect of an extreme value on the mean."
    ),
    "E9.3": (
        "Calculate the mean, median, mode, quartiles, range and interquartile range for "
        "individual data and distinguish between the purposes for which these are used. "
        "Calculate an estimate of the mean for grouped discrete or grouped continuous data, "
        "and identify the modal class from a grouped frequency distribution."
    ),
    "9.4": (
        "Draw and interpret bar charts, pie charts, pictograms, stem-and-leaf diagrams and "
        "simple frequency distributions, e.g. calculate the angles of a pie chart or read a "
        "median from an ordered stem-and-leaf diagram with a key."
    ),
    "9.5": (
        "Draw and interpret scatter diagrams. Understand what is meant by positive, negative "
        "and zero correlation. Draw by eye, interpret and use a straight line of best fit to "
        "make estimates."
    ),
    "9.6": (
        "Draw, interpret and use cumulative frequency diagrams, plotting at the upper class "
        "boundaries. Estimate and interpret the median, percentiles, quartiles and "
        "interquartile range from a cumulative frequency diagram."
    ),
    "9.7": (
        "Draw and interpret histograms with equal or unequal class intervals, using frequency "
        "density = frequency ÷ class width. Calculate frequencies from a histogram."
    ),
}
